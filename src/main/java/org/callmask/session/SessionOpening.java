package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ProxyService;
import org.callmask.session.ParticipantAllocation.Need;
import org.callmask.session.ParticipantAllocation.Plan;
import org.callmask.session.SessionRepository.OpenSession;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens v1 sessions: with a unique name already open, answers that session (same participants)
 * or refuses (others); otherwise plans each participant's proxy number and writes the session and
 * its participants in one short transaction, retried whole when a concurrent request made the
 * plan stale.
 */
@Component
class SessionOpening {

    private static final Logger log = LoggerFactory.getLogger(SessionOpening.class);

    private final SessionRows sessions;
    private final ParticipantRows participants;
    private final Participations participations;
    private final ParticipantAllocation allocation;
    private final SessionReading reading;
    private final Transactions transactions;
    private final LostRaces races;
    private final SessionEvents news;
    private final Clock clock;

    SessionOpening(
            SessionRows sessions,
            ParticipantRows participants,
            Participations participations,
            ParticipantAllocation allocation,
            SessionReading reading,
            Transactions transactions,
            LostRaces races,
            SessionEvents news,
            Clock clock) {
        this.news = news;
        this.sessions = sessions;
        this.participants = participants;
        this.participations = participations;
        this.allocation = allocation;
        this.reading = reading;
        this.transactions = transactions;
        this.races = races;
        this.clock = clock;
    }

    SessionOpened open(ProxyService service, NewSession request) {
        List<PhoneNumber> numbers =
                request.participants().stream().map(NewParticipant::number).toList();
        if (numbers.size() > NewSession.MAX_PARTICIPANTS) {
            throw new SessionConflict(SessionConflict.Reason.PARTICIPANT_LIMIT);
        }
        if (new HashSet<>(numbers).size() < numbers.size()) {
            throw new SameNumberOnBothSides();
        }
        participations.refusePoolNumbers(numbers);
        Instant start = clock.instant();
        request.expiresAt().ifPresent(at -> {
            if (!at.isAfter(start)) {
                throw new IllegalArgumentException("expires_at must be in the future");
            }
        });
        return races.retry(() -> openOnce(service, request, numbers));
    }

    private SessionOpened openOnce(ProxyService service, NewSession request, List<PhoneNumber> numbers) {
        Instant now = clock.instant();
        Optional<SessionOpened> named = openWithSameName(service, request, numbers, now);
        if (named.isPresent()) {
            return named.get();
        }
        List<Plan> plans;
        try {
            plans = plan(service, request, numbers, now);
        } catch (NoProxyNumber | ProxyNumberRefused refused) {
            // An identical create may have committed since the name was looked up, taking the very
            // numbers this one planned with: the answer is then that session, not a refusal.
            named = request.uniqueName().isPresent()
                    ? openWithSameName(service, request, numbers, clock.instant())
                    : Optional.empty();
            if (named.isPresent()) {
                return named.get();
            }
            throw refused;
        }
        Duration ttl = request.ttl().orElse(service.settings().defaultTtl());
        Duration sliding = ttl.isZero() ? null : ttl;
        Instant fixed = request.expiresAt().orElse(null);
        Instant expiresAt = Lifetimes.end(sliding, fixed, now);
        SessionId id = SessionId.random();
        ProxySession opened = transactions.write(status -> {
            SessionKey key = sessions.insert(id, service.id(), request, sliding, fixed, expiresAt, now);
            List<Participant> added = participations.insert(key, request.participants(), plans, now);
            allocation.take(plans);
            ProxySession session = new ProxySession(
                    id,
                    service.id(),
                    request.uniqueName().orElse(null),
                    request.mode(),
                    SessionStatus.OPEN,
                    null,
                    sliding,
                    fixed,
                    expiresAt,
                    request.metadata(),
                    request.voice(),
                    now,
                    now,
                    null,
                    null,
                    request.callbackUrl(),
                    added);
            news.created(session);
            return session;
        });
        allocation.taken(service, plans);
        log.info(
                "Session {} opened in service {} with {} participants",
                id,
                service.id(),
                opened.participants().size());
        return new SessionOpened(opened, true);
    }

    /**
     * The open session already named as the request names it: with the same participants it is the
     * answer; with others the name is taken. A session past its end keeps its name only until it
     * is closed, so it is closed here.
     */
    private Optional<SessionOpened> openWithSameName(
            ProxyService service, NewSession request, List<PhoneNumber> numbers, Instant now) {
        if (request.uniqueName().isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionRows.Row> named =
                sessions.openByName(service.id(), request.uniqueName().get());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        SessionRows.Row row = named.get();
        if (row.expiredAt(now)) {
            participations.closeExpired(List.of(new OpenSession(row.key(), row.expiresAt())), now);
            return Optional.empty();
        }
        ProxySession existing = reading.attach(row, now);
        Set<PhoneNumber> theirs =
                existing.activeParticipants().stream().map(Participant::number).collect(Collectors.toSet());
        if (theirs.equals(new HashSet<>(numbers))) {
            return Optional.of(new SessionOpened(existing, false));
        }
        throw new SessionConflict(SessionConflict.Reason.UNIQUE_NAME_TAKEN);
    }

    private List<Plan> plan(ProxyService service, NewSession request, List<PhoneNumber> numbers, Instant now) {
        Map<PhoneNumber, Set<PhoneNumber>> taken = participations.taken(numbers, now);
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            NewParticipant participant = request.participants().get(i);
            Optional<PhoneNumber> other = numbers.size() == 2 ? Optional.of(numbers.get(1 - i)) : Optional.empty();
            needs.add(new Need(participant, other, taken.get(participant.number()), Optional.empty()));
        }
        return allocation.plan(service, request.mode(), needs, now);
    }
}
