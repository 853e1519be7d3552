package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.CandidateQuery;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.SessionRepository.ActiveRoute;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Opens masks under the number-reuse rule: a pool number serves any number of masks, but a real
 * number meets a given pool number in at most one active mask. The database enforces it (a unique
 * index over active routes); this picks a candidate, inserts, and on a conflict (another instance
 * won the race) the whole attempt runs again against fresh state.
 */
@Component
class MaskAllocation {

    private static final int CANDIDATES_PER_ATTEMPT = 8;

    private final SessionRepository repository;
    private final NumberPool pool;
    private final Services services;
    private final SessionClosing closing;
    private final SessionProperties properties;
    private final Transactions transactions;
    private final LostRaces races;
    private final SessionMetrics metrics;
    private final ApplicationEventPublisher events;
    private final PoolWatch watch;
    private final SessionEvents news;
    private final Clock clock;

    MaskAllocation(
            SessionRepository repository,
            NumberPool pool,
            Services services,
            SessionClosing closing,
            SessionProperties properties,
            Transactions transactions,
            LostRaces races,
            SessionMetrics metrics,
            ApplicationEventPublisher events,
            PoolWatch watch,
            SessionEvents news,
            Clock clock) {
        this.news = news;
        this.watch = watch;
        this.repository = repository;
        this.pool = pool;
        this.services = services;
        this.closing = closing;
        this.properties = properties;
        this.transactions = transactions;
        this.races = races;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a mask between a client and a contractor, or returns the one they already have.
     *
     * @param lifetime how long it routes; the configured default when empty
     * @throws PoolExhausted when every pool number already pairs one of them with another mask
     * @throws SameNumberOnBothSides when client and contractor are one number
     * @throws PoolNumberAsParticipant when either is a pool number
     * @throws InvalidLifetime when the lifetime is not positive or above the maximum
     */
    Mask open(PhoneNumber client, PhoneNumber contractor, Optional<Duration> lifetime) {
        if (client.equals(contractor)) {
            throw new SameNumberOnBothSides();
        }
        Set<PhoneNumber> inPool = pool.present(List.of(contractor, client));
        for (PhoneNumber participant : List.of(contractor, client)) {
            if (inPool.contains(participant)) {
                throw new PoolNumberAsParticipant(participant, true);
            }
        }
        Duration ttl = lifetime.orElse(properties.defaultTtl());
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxTtl()) > 0) {
            throw new InvalidLifetime(ttl, properties.maxTtl());
        }
        try {
            return races.retry(() -> openOnce(client, contractor, ttl));
        } catch (PoolExhausted e) {
            metrics.poolExhausted();
            throw e;
        }
    }

    /**
     * One attempt. What the choice needs is read without holding the writer; the choice is then
     * written in one short transaction. A choice that a concurrent request made stale breaks a
     * unique index or finds its number removed, and the caller tries again on fresh state.
     */
    private Mask openOnce(PhoneNumber client, PhoneNumber contractor, Duration ttl) {
        Instant now = clock.instant();
        List<PhoneNumber> both = List.of(client, contractor);
        PairKey pair = PairKey.of(client, contractor);
        List<ActiveRoute> routes = repository.activeRoutesOf(both);
        if (routes.stream().anyMatch(r -> r.expiredAt(now))) {
            // An expired mask must never block a new one, whether or not the sweeper has run.
            transactions.write(
                    status -> closing.closeAndRelease(repository.dueSessionsOf(both, now), CloseReason.EXPIRED, now));
        }
        Set<PhoneNumber> taken = new HashSet<>();
        for (ActiveRoute route : routes) {
            if (route.expiredAt(now)) {
                continue;
            }
            if (pair.equals(route.pairKey())) {
                return new Mask(
                        route.sessionId(),
                        client,
                        contractor,
                        route.proxy(),
                        route.createdAt(),
                        route.expiresAt(),
                        MaskStatus.ACTIVE);
            }
            taken.add(route.proxy());
        }

        Optional<PhoneNumber> sticky = repository.lastProxyOfPair(pair);
        ProxyService service = services.builtIn();
        // Both participants share the number, so it must be free for both; geography is not
        // matched, since the two may live in different countries.
        List<PoolNumber> candidates = pool.candidates(new CandidateQuery(
                service.id(),
                SessionMode.VOICE_AND_MESSAGE.needs(),
                Optional.empty(),
                Optional.empty(),
                taken,
                sticky.stream().toList(),
                Set.of(),
                both.size(),
                pair.value(),
                CANDIDATES_PER_ATTEMPT));
        if (candidates.isEmpty()) {
            watch.exhausted(service.id(), "all-numbers-paired", Optional.empty(), Optional.empty());
            throw new PoolExhausted(client.redacted() + " and " + contractor.redacted());
        }
        Instant expiresAt = now.plus(ttl);
        PhoneNumber chosen = candidates.get(0).number();
        return transactions.write(status -> {
            SessionId publicId = SessionId.random();
            SessionKey id = repository.insertSession(publicId, service.id(), pair, now, expiresAt);
            List<ParticipantId> pairIds = repository.insertPair(id, client, contractor, chosen, now);
            // Counted last, so the pool row is locked only from here to the commit. A number that
            // was removed or filled meanwhile fails the attempt, which then reads fresh state.
            if (!pool.takeRoutes(chosen, both.size(), false)) {
                throw new ConcurrencyFailureException("The pool number changed while it was being given");
            }
            events.publishEvent(new MaskOpened(id, chosen, client, contractor));
            news.maskCreated(service.id(), publicId, pairIds, chosen, expiresAt);
            return new Mask(id, client, contractor, chosen, now, expiresAt, MaskStatus.ACTIVE);
        });
    }
}
