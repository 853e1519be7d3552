package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
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
 * Changes sessions over their life: closes them, re-opens them (each participant gets its number
 * back, or another), and changes their lifetime and mode. Each change reads what it needs, then
 * writes in one short transaction, retried whole when a concurrent request made it stale.
 */
@Component
class SessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final SessionRows sessions;
    private final ParticipantRows participants;
    private final Participations participations;
    private final ParticipantAllocation allocation;
    private final SessionClosing closing;
    private final SessionReading reading;
    private final NumberPool pool;
    private final Transactions transactions;
    private final LostRaces races;
    private final SessionEvents news;
    private final Clock clock;

    SessionLifecycle(
            SessionRows sessions,
            ParticipantRows participants,
            Participations participations,
            ParticipantAllocation allocation,
            SessionClosing closing,
            SessionReading reading,
            NumberPool pool,
            Transactions transactions,
            LostRaces races,
            SessionEvents news,
            Clock clock) {
        this.news = news;
        this.sessions = sessions;
        this.participants = participants;
        this.participations = participations;
        this.allocation = allocation;
        this.closing = closing;
        this.reading = reading;
        this.pool = pool;
        this.transactions = transactions;
        this.races = races;
        this.clock = clock;
    }

    ProxySession change(ProxyService service, SessionId id, SessionChanges changes) {
        races.retry(() -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            if (changes.mode().isPresent() && changes.mode().get() != row.mode()) {
                SessionMode mode = changes.mode().get();
                for (Participant p : participations.active(row.key())) {
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
                    changes.callbackUrl()
                            .ifPresent(url -> sessions.changeCallbackUrl(row.key(), url.orElse(null), now));
                    if (changes.changesLifetime()) {
                        Instant end = row.isOverAt(now)
                                ? row.expiresAt()
                                : Lifetimes.end(newTtl, newFixed, row.lifetimeBase());
                        sessions.changeLifetime(row.key(), newTtl, newFixed, end, now);
                    }
                    if (changes.status().filter(s -> s == SessionStatus.CLOSED).isPresent()) {
                        closing.closeAndRelease(
                                List.of(new OpenSession(row.key(), row.expiresAt())), CloseReason.DELETED, now);
                    } else if (!row.isOverAt(now)
                            && (changes.mode().isPresent()
                                    || changes.changesLifetime()
                                    || changes.callbackUrl().isPresent())) {
                        news.updated(
                                changes.callbackUrl().isPresent()
                                        ? row.withCallbackUrl(
                                                changes.callbackUrl().get())
                                        : row,
                                row.statusAt(now),
                                changes.mode().orElse(row.mode()),
                                changes.changesLifetime()
                                        ? Lifetimes.end(newTtl, newFixed, row.lifetimeBase())
                                        : row.expiresAt());
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
            participations.closeExpired(List.of(new OpenSession(row.key(), row.expiresAt())), now);
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
                participations.closeExpired(List.of(new OpenSession(other.key(), other.expiresAt())), now);
            }
        }
        List<Participant> active = participations.active(row.key());
        Map<PhoneNumber, Set<PhoneNumber>> taken =
                participations.taken(active.stream().map(Participant::number).toList(), now);
        List<Need> needs = new ArrayList<>();
        for (Participant p : active) {
            Optional<PhoneNumber> other = active.stream()
                    .map(Participant::number)
                    .filter(n -> !n.equals(p.number()))
                    .findFirst();
            needs.add(new Need(
                    new NewParticipant(p.number(), p.name(), Optional.empty()),
                    other,
                    taken.get(p.number()),
                    Optional.of(p.proxyNumber())));
        }
        List<Plan> planned = allocation.plan(service, row.mode(), needs, now);
        Map<ParticipantId, Plan> plans = new HashMap<>();
        for (int i = 0; i < active.size(); i++) {
            plans.put(active.get(i).id(), planned.get(i));
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
            news.updated(row, SessionStatus.OPEN, row.mode(), expiresAt);
            return null;
        });
        allocation.taken(service, planned);
        log.info("Session {} re-opened", row.id());
    }
}
