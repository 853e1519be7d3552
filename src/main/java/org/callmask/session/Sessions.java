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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.session.SessionRepository.ActiveRoute;
import org.callmask.session.SessionRepository.OpenSession;
import org.callmask.system.StorageDialect;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Opens, finds, routes and closes masks.
 *
 * <pre>{@code
 * Mask mask = sessions.open(client, contractor, Optional.empty());
 * Optional<Route> route = sessions.route(client, mask.maskNumber());  // reaches the contractor
 * sessions.closeAll(mask.maskNumber());
 * }</pre>
 *
 * <p>Allocation follows the number-reuse rule: a pool number serves any number of masks, but a
 * real number meets a given pool number in at most one active mask. The database enforces it
 * (a unique index over active routes); this class picks a candidate, inserts, and on a conflict
 * (another instance won the race) runs the whole unit of work again against fresh state.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private static final int MAX_ATTEMPTS = 30;
    private static final int CANDIDATES_PER_ATTEMPT = 8;

    private final SessionRepository repository;
    private final NumberPool pool;
    private final SessionProperties properties;
    private final RetentionProperties retention;
    private final StorageDialect dialect;
    private final Transactions transactions;
    private final SessionMetrics metrics;
    private final Clock clock;

    Sessions(
            SessionRepository repository,
            NumberPool pool,
            SessionProperties properties,
            RetentionProperties retention,
            StorageDialect dialect,
            Transactions transactions,
            SessionMetrics metrics,
            Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.properties = properties;
        this.retention = retention;
        this.dialect = dialect;
        this.transactions = transactions;
        this.metrics = metrics;
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
    public Mask open(PhoneNumber client, PhoneNumber contractor, Optional<Duration> lifetime) {
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
            return retrying(() -> openOnce(client, contractor, ttl));
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
        long now = clock.millis();
        List<PhoneNumber> both = List.of(client, contractor);
        String pairKey = pairKey(client, contractor);
        List<ActiveRoute> routes = repository.activeRoutesOf(both);
        if (routes.stream().anyMatch(r -> r.expiresAt() <= now)) {
            // An expired mask must never block a new one, whether or not the sweeper has run.
            transactions.write(
                    status -> closeAndRelease(repository.dueSessionsOf(both, now), CloseReason.EXPIRED, now));
        }
        Set<PhoneNumber> taken = new HashSet<>();
        for (ActiveRoute route : routes) {
            if (route.expiresAt() <= now) {
                continue;
            }
            if (pairKey.equals(route.pairKey())) {
                return new Mask(
                        route.sessionId(),
                        client,
                        contractor,
                        route.proxy(),
                        Instant.ofEpochMilli(route.createdAt()),
                        Instant.ofEpochMilli(route.expiresAt()),
                        MaskStatus.ACTIVE);
            }
            taken.add(route.proxy());
        }

        Optional<PhoneNumber> sticky = repository.lastProxyOfPair(pairKey);
        List<PoolNumber> candidates = pool.candidates(taken, sticky, pairKey, CANDIDATES_PER_ATTEMPT);
        if (candidates.isEmpty()) {
            throw new PoolExhausted(client.redacted() + " and " + contractor.redacted());
        }
        long expiresAt = now + ttl.toMillis();
        return transactions.write(status -> {
            PhoneNumber chosen = null;
            for (PoolNumber candidate : candidates) {
                if (pool.takeRoutes(candidate.number(), both.size())) {
                    chosen = candidate.number();
                    break;
                }
            }
            if (chosen == null) {
                throw new PoolExhausted(client.redacted() + " and " + contractor.redacted());
            }
            long id = repository.insertSession(pairKey, now, expiresAt);
            repository.insertPair(id, client, contractor, chosen);
            metrics.maskCreated();
            log.info(
                    "Mask {} opened on {} for client {} and contractor {}",
                    id,
                    chosen.redacted(),
                    client.redacted(),
                    contractor.redacted());
            return new Mask(
                    id,
                    client,
                    contractor,
                    chosen,
                    Instant.ofEpochMilli(now),
                    Instant.ofEpochMilli(expiresAt),
                    MaskStatus.ACTIVE);
        });
    }

    /** The masks on a number that were not deleted: active and expired, oldest first. */
    public List<Mask> masksOn(PhoneNumber maskNumber) {
        return repository.masksOn(maskNumber, clock.millis());
    }

    /** Who {@code caller} reaches by calling or texting {@code proxy}, if anyone, right now. */
    public Optional<Route> route(PhoneNumber caller, PhoneNumber proxy) {
        return repository.route(caller, proxy, clock.millis());
    }

    /**
     * Deletes every active mask on a number and frees the number for their participants at once.
     *
     * @return how many active masks were deleted
     */
    public int closeAll(PhoneNumber maskNumber) {
        return inTransaction(
                now -> closeAndRelease(repository.openSessionsOnProxy(maskNumber), CloseReason.DELETED, now));
    }

    /**
     * Deletes the active mask of one client and contractor on a number.
     *
     * @return 1 if it was deleted, 0 if there was none
     */
    public int close(PhoneNumber maskNumber, PhoneNumber client, PhoneNumber contractor) {
        return inTransaction(now -> closeAndRelease(
                repository.openSessionOfPairOnProxy(pairKey(client, contractor), maskNumber),
                CloseReason.DELETED,
                now));
    }

    /**
     * Adds numbers to the pool, all or none.
     *
     * @return how many were new to the pool or brought back
     * @throws PoolNumberAsParticipant when one is a participant's number in an active mask
     */
    public int addToPool(List<PhoneNumber> numbers) {
        long now = clock.millis();
        for (ActiveRoute route : repository.activeRoutesOf(numbers)) {
            if (route.expiresAt() > now) {
                throw new PoolNumberAsParticipant(new PhoneNumber(route.number()), false);
            }
        }
        return pool.add(numbers);
    }

    /** Each pool number with how many active masks use it, in the order they were added. */
    public List<PoolUsage> poolUsage() {
        return repository.poolUsage(clock.millis());
    }

    /**
     * Removes a number from the pool. Masks on it keep their history.
     *
     * @param force close the active masks that use it first, instead of refusing
     * @return false when the number was not in the pool
     * @throws NumberInUse when active masks use it and {@code force} is false; nothing changes
     */
    public boolean removeFromPool(PhoneNumber number, boolean force) {
        Boolean removed = retrying(() -> transactions.write(status -> {
            long now = clock.millis();
            // Retiring first takes the row lock that allocation also takes, so no mask can be
            // opened on the number between the count below and the commit.
            if (!pool.retire(number)) {
                return false;
            }
            List<OpenSession> open = repository.openSessionsOnProxy(number);
            int live = (int) open.stream().filter(s -> s.expiresAt() > now).count();
            if (live > 0 && !force) {
                throw new NumberInUse(number, live);
            }
            closeAndRelease(open, CloseReason.NUMBER_REMOVED, now);
            log.info("Pool: {} removed, {} active masks closed", number.redacted(), live);
            return true;
        }));
        return Boolean.TRUE.equals(removed);
    }

    /**
     * Closes one batch of sessions whose lifetime ran out and releases their routes. Safe to run
     * on several instances at once: each session is closed, and its routes released, once.
     *
     * @return how many sessions this call closed
     */
    public int sweepExpiredBatch() {
        return inTransaction(
                now -> closeAndRelease(repository.dueSessions(now, properties.sweepBatch()), CloseReason.EXPIRED, now));
    }

    /**
     * Closes sessions whose lifetime ran out, in batches, until none is left.
     *
     * @return how many sessions were closed
     */
    public int sweepExpired() {
        int total = 0;
        int closed;
        do {
            closed = sweepExpiredBatch();
            total += closed;
        } while (closed >= properties.sweepBatch());
        return total;
    }

    /**
     * Deletes closed masks, with their participants, once they have been closed longer than the
     * retention period, in batches.
     *
     * @return how many masks were deleted
     */
    public int purgeHistory() {
        int total = 0;
        int deleted;
        do {
            deleted = inTransaction(now -> repository.purgeClosedBefore(
                    now - retention.closedSessions().toMillis(), properties.sweepBatch()));
            total += deleted;
        } while (deleted >= properties.sweepBatch());
        return total;
    }

    private int inTransaction(Function<Long, Integer> work) {
        Integer result = retrying(() -> transactions.write(status -> work.apply(clock.millis())));
        return result == null ? 0 : result;
    }

    /**
     * Runs {@code work} again, with a short random pause, each time it fails only because it lost
     * a race or a lock (the store rolled it back whole).
     *
     * @throws StoreContended after {@value #MAX_ATTEMPTS} such attempts
     */
    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!dialect.isRetryable(e)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreContended(attempt, e);
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Closes the given open sessions, as expired where their lifetime has run out and with
     * {@code reason} otherwise, releases their routes and gives the routes back to the pool.
     *
     * @return how many sessions were closed with {@code reason}
     */
    private int closeAndRelease(List<OpenSession> sessions, CloseReason reason, long now) {
        if (sessions.isEmpty()) {
            return 0;
        }
        List<Long> due = new ArrayList<>();
        List<Long> live = new ArrayList<>();
        for (OpenSession session : sessions) {
            (session.expiresAt() <= now ? due : live).add(session.id());
        }
        List<Long> closed = new ArrayList<>();
        int closedWithReason = 0;
        if (!due.isEmpty()) {
            List<Long> expired = repository.close(due, CloseReason.EXPIRED, now);
            metrics.masksClosed(CloseReason.EXPIRED, expired.size());
            closed.addAll(expired);
            if (reason == CloseReason.EXPIRED) {
                closedWithReason += expired.size();
            }
        }
        if (!live.isEmpty()) {
            List<Long> ended = repository.close(live, reason, now);
            metrics.masksClosed(reason, ended.size());
            closed.addAll(ended);
            closedWithReason += ended.size();
        }
        if (!closed.isEmpty()) {
            Map<PhoneNumber, Integer> released = repository.releaseRoutes(closed, now).stream()
                    .collect(Collectors.toMap(Function.identity(), n -> 1, Integer::sum));
            pool.giveBackRoutes(released);
        }
        return closedWithReason;
    }

    private static String pairKey(PhoneNumber client, PhoneNumber contractor) {
        return client.e164() + "|" + contractor.e164();
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreContended(attempt, e);
        }
    }
}
