package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ProxyService;
import org.callmask.session.ParticipantAllocation.Plan;
import org.callmask.session.SessionRepository.ActiveRoute;
import org.callmask.session.SessionRepository.OpenSession;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens v1 sessions, adds and removes their participants, and changes, closes and re-opens them.
 * Each change reads what it needs, then writes in one short transaction; a write that a
 * concurrent request made stale breaks a unique index, and the whole change runs again.
 */
@Component
class SessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final SessionRows sessions;
    private final ParticipantRows participants;
    private final SessionRepository routes;
    private final ParticipantAllocation allocation;
    private final SessionClosing closing;
    private final SessionReading reading;
    private final NumberPool pool;
    private final Transactions transactions;
    private final LostRaces races;
    private final Clock clock;

    SessionLifecycle(
            SessionRows sessions,
            ParticipantRows participants,
            SessionRepository routes,
            ParticipantAllocation allocation,
            SessionClosing closing,
            SessionReading reading,
            NumberPool pool,
            Transactions transactions,
            LostRaces races,
            Clock clock) {
        this.sessions = sessions;
        this.participants = participants;
        this.routes = routes;
        this.allocation = allocation;
        this.closing = closing;
        this.reading = reading;
        this.pool = pool;
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
        refusePoolNumbers(numbers);
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
        List<Participant> added = transactions.write(status -> {
            SessionKey key = sessions.insert(id, service.id(), request, sliding, fixed, expiresAt, now);
            List<Participant> out = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                out.add(insertParticipant(key, request.participants().get(i), plans.get(i), now));
            }
            allocation.take(plans);
            return out;
        });
        log.info("Session {} opened in service {} with {} participants", id, service.id(), added.size());
        return new SessionOpened(
                new ProxySession(
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
                        added),
                true);
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
            closeExpired(List.of(new OpenSession(row.key(), row.expiresAt())), now);
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
        Map<PhoneNumber, Set<PhoneNumber>> taken = takenBy(numbers, now);
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            NewParticipant participant = request.participants().get(i);
            Optional<PhoneNumber> other = numbers.size() == 2 ? Optional.of(numbers.get(1 - i)) : Optional.empty();
            plans.add(allocation.plan(
                    service,
                    request.mode(),
                    participant,
                    other,
                    taken.get(participant.number()),
                    Optional.empty(),
                    now));
        }
        return plans;
    }

    ProxySession addParticipant(ProxyService service, SessionId id, NewParticipant participant) {
        refusePoolNumbers(List.of(participant.number()));
        races.retry(() -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            if (row.isOverAt(now)) {
                throw new SessionConflict(SessionConflict.Reason.CLOSED);
            }
            List<Participant> active = activeOf(row.key());
            checkRoomFor(active, participant.number());
            Optional<PhoneNumber> other =
                    active.stream().map(Participant::number).findFirst();
            Plan plan = allocation.plan(
                    service,
                    row.mode(),
                    participant,
                    other,
                    takenBy(List.of(participant.number()), now).get(participant.number()),
                    Optional.empty(),
                    now);
            return transactions.write(status -> {
                // Locks the session row first, so concurrent additions and closings of one session
                // take turns, and what is read below is what the others committed.
                sessions.touch(row.key(), now);
                boolean closedMeanwhile = sessions.find(service.id(), id)
                        .map(r -> r.isOverAt(now))
                        .orElse(true);
                if (closedMeanwhile) {
                    throw new SessionConflict(SessionConflict.Reason.CLOSED);
                }
                checkRoomFor(activeOf(row.key()), participant.number());
                Participant added = insertParticipant(row.key(), participant, plan, now);
                allocation.take(List.of(plan));
                return added;
            });
        });
        return reading.find(service, id);
    }

    ProxySession removeParticipant(ProxyService service, SessionId id, ParticipantId participantId) {
        races.retry(() -> transactions.write(status -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            ParticipantRows.Row participant = participants.ofSession(row.key()).stream()
                    .filter(p -> p.participant().id().equals(participantId))
                    .findFirst()
                    .orElseThrow(ParticipantNotFound::new);
            if (participant.participant().isRemoved()) {
                return null;
            }
            sessions.touch(row.key(), now);
            if (participants.release(participantId, now)) {
                pool.giveBackRoutes(Map.of(participant.participant().proxyNumber(), 1));
            }
            participants.markRemoved(participantId, now);
            return null;
        }));
        log.info("Session {}: participant {} removed", id, participantId);
        return reading.find(service, id);
    }

    ProxySession change(ProxyService service, SessionId id, SessionChanges changes) {
        races.retry(() -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            if (changes.mode().isPresent() && changes.mode().get() != row.mode()) {
                SessionMode mode = changes.mode().get();
                for (Participant p : activeOf(row.key())) {
                    boolean capable = pool.find(p.proxyNumber())
                            .map(n -> n.capabilities().containsAll(mode.needs()))
                            .orElse(false);
                    if (!capable) {
                        throw new ProxyNumberRefused(ProxyNumberRefused.Reason.LACKS_CAPABILITY);
                    }
                }
            }
            boolean reopen =
                    changes.status().filter(s -> s == SessionStatus.OPEN).isPresent() && row.isOverAt(now);
            // ttl 0 and expires_at null clear them; an absent field keeps them.
            Duration ttl = row.ttl();
            if (changes.ttl().isPresent()) {
                ttl = changes.ttl().get().isZero() ? null : changes.ttl().get();
            }
            Instant fixed = row.expiresAtFixed();
            if (changes.expiresAt().isPresent()) {
                fixed = changes.expiresAt().get().orElse(null);
            }
            if (changes.expiresAt()
                    .flatMap(at -> at)
                    .filter(at -> !at.isAfter(now))
                    .isPresent()) {
                throw new IllegalArgumentException("expires_at must be in the future");
            }
            Duration newTtl = ttl;
            Instant newFixed = fixed;
            if (reopen) {
                reopen(service, row, newTtl, newFixed, now);
            } else {
                transactions.write(status -> {
                    if (row.isOverAt(now) && !row.isClosed()) {
                        // Past its end but not yet swept: closed as expired first, so a new
                        // lifetime is recorded on a closed session and never re-opens it.
                        closing.closeAndRelease(
                                List.of(new OpenSession(row.key(), row.expiresAt())), CloseReason.EXPIRED, now);
                    }
                    sessions.touch(row.key(), now);
                    changes.mode().ifPresent(mode -> sessions.changeMode(row.key(), mode, now));
                    if (changes.changesLifetime()) {
                        Instant end = row.isOverAt(now)
                                ? row.expiresAt()
                                : Lifetimes.end(newTtl, newFixed, row.lifetimeBase());
                        sessions.changeLifetime(row.key(), newTtl, newFixed, end, now);
                    }
                    if (changes.status().filter(s -> s == SessionStatus.CLOSED).isPresent()) {
                        closing.closeAndRelease(
                                List.of(new OpenSession(row.key(), row.expiresAt())), CloseReason.DELETED, now);
                    }
                    return null;
                });
            }
            return null;
        });
        return reading.find(service, id);
    }

    /** Re-opens a closed session: each participant gets its number back, or another one. */
    private void reopen(ProxyService service, SessionRows.Row row, Duration ttl, Instant fixed, Instant now) {
        if (fixed != null && !fixed.isAfter(now)) {
            throw new SessionConflict(SessionConflict.Reason.EXPIRES_AT_PASSED);
        }
        if (!row.isClosed()) {
            closeExpired(List.of(new OpenSession(row.key(), row.expiresAt())), now);
        }
        if (row.uniqueName() != null) {
            // The name may have gone to a session opened since; only one open session may hold it.
            Optional<SessionRows.Row> namesake = sessions.openByName(service.id(), row.uniqueName())
                    .filter(other -> !other.key().equals(row.key()));
            if (namesake.isPresent()) {
                SessionRows.Row other = namesake.get();
                if (!other.expiredAt(now)) {
                    throw new SessionConflict(SessionConflict.Reason.UNIQUE_NAME_TAKEN);
                }
                closeExpired(List.of(new OpenSession(other.key(), other.expiresAt())), now);
            }
        }
        List<Participant> active = activeOf(row.key());
        Map<PhoneNumber, Set<PhoneNumber>> taken =
                takenBy(active.stream().map(Participant::number).toList(), now);
        Map<ParticipantId, Plan> plans = new HashMap<>();
        for (Participant p : active) {
            Optional<PhoneNumber> other = active.stream()
                    .map(Participant::number)
                    .filter(n -> !n.equals(p.number()))
                    .findFirst();
            plans.put(
                    p.id(),
                    allocation.plan(
                            service,
                            row.mode(),
                            new NewParticipant(p.number(), p.name(), Optional.empty()),
                            other,
                            taken.get(p.number()),
                            Optional.of(p.proxyNumber()),
                            now));
        }
        Instant expiresAt = Lifetimes.end(ttl, fixed, now);
        transactions.write(status -> {
            if (!sessions.reopen(row.key(), expiresAt, now)) {
                return null;
            }
            sessions.changeLifetime(row.key(), ttl, fixed, expiresAt, now);
            // Only the participants whose routes come back are counted: one removed since the plan
            // was read (its removal waited on the session's lock) keeps none.
            List<Plan> restored = new ArrayList<>();
            for (Participant p : active) {
                if (participants.restoreRoute(p.id(), plans.get(p.id()).chosen(), now)) {
                    restored.add(plans.get(p.id()));
                }
            }
            allocation.take(restored);
            return null;
        });
        log.info("Session {} re-opened", row.id());
    }

    private Participant insertParticipant(SessionKey key, NewParticipant participant, Plan plan, Instant now) {
        PhoneNumber proxy = plan.chosen();
        ParticipantId id = ParticipantId.random();
        participants.insert(id, key, participant, proxy, now);
        return new Participant(id, participant.number(), participant.name(), proxy, now, now, null);
    }

    private List<Participant> activeOf(SessionKey key) {
        return participants.ofSession(key).stream()
                .map(ParticipantRows.Row::participant)
                .filter(p -> !p.isRemoved())
                .toList();
    }

    private static void checkRoomFor(List<Participant> active, PhoneNumber number) {
        if (active.stream().anyMatch(p -> p.number().equals(number))) {
            throw new SessionConflict(SessionConflict.Reason.DUPLICATE_PARTICIPANT);
        }
        if (active.size() >= NewSession.MAX_PARTICIPANTS) {
            throw new SessionConflict(SessionConflict.Reason.PARTICIPANT_LIMIT);
        }
    }

    private void refusePoolNumbers(List<PhoneNumber> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        Set<PhoneNumber> inPool = pool.present(numbers);
        for (PhoneNumber number : numbers) {
            if (inPool.contains(number)) {
                throw new PoolNumberAsParticipant(number, true);
            }
        }
    }

    /**
     * The proxy numbers each number has in active sessions. Sessions past their end still hold
     * their routes until closed, and must never block a new one: they are closed first.
     */
    private Map<PhoneNumber, Set<PhoneNumber>> takenBy(List<PhoneNumber> numbers, Instant now) {
        Map<PhoneNumber, Set<PhoneNumber>> taken = new HashMap<>();
        numbers.forEach(n -> taken.put(n, new HashSet<>()));
        if (numbers.isEmpty()) {
            return taken;
        }
        List<ActiveRoute> active = routes.activeRoutesOf(numbers);
        if (active.stream().anyMatch(r -> r.expiredAt(now))) {
            closeExpired(routes.dueSessionsOf(numbers, now), now);
        }
        for (ActiveRoute route : active) {
            if (!route.expiredAt(now)) {
                taken.get(route.number()).add(route.proxy());
            }
        }
        return taken;
    }

    private void closeExpired(List<OpenSession> due, Instant now) {
        transactions.write(status -> closing.closeAndRelease(due, CloseReason.EXPIRED, now));
    }
}
