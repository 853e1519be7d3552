package org.callmask.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ServiceId;
import org.callmask.session.SessionRepository.OpenSession;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends sessions: deleted through the API, expired, or closed because their number left the pool.
 * Closing a session releases its routes and gives them back to the pool in the same transaction,
 * so the pool's counts never drift from the routes.
 */
@Component
class SessionClosing {

    private static final Logger log = LoggerFactory.getLogger(SessionClosing.class);

    private final SessionRepository repository;
    private final NumberPool pool;
    private final Transactions transactions;
    private final LostRaces races;
    private final ApplicationEventPublisher events;
    private final SessionEvents news;
    private final Clock clock;

    SessionClosing(
            SessionRepository repository,
            NumberPool pool,
            Transactions transactions,
            LostRaces races,
            ApplicationEventPublisher events,
            SessionEvents news,
            Clock clock) {
        this.news = news;
        this.repository = repository;
        this.pool = pool;
        this.transactions = transactions;
        this.races = races;
        this.events = events;
        this.clock = clock;
    }

    /** Deletes every active mask on a number; returns how many. */
    int closeAll(PhoneNumber maskNumber) {
        return inTransaction(now -> closeAndRelease(repository.openMasksOnProxy(maskNumber), CloseReason.DELETED, now));
    }

    /** Deletes the active mask of one pair on a number; returns 1, or 0 when there was none. */
    int close(PhoneNumber maskNumber, PairKey pair) {
        return inTransaction(now ->
                closeAndRelease(repository.openSessionOfPairOnProxy(pair, maskNumber), CloseReason.DELETED, now));
    }

    /**
     * Removes a number from the pool, closing the masks on it when {@code force} is set.
     *
     * @return false when the number was not in the pool
     * @throws NumberInUse when active masks use it and {@code force} is false; nothing changes
     */
    boolean removeFromPool(ServiceId service, PhoneNumber number, boolean force) {
        Boolean removed = races.retry(() -> transactions.write(status -> {
            if (pool.find(number).filter(n -> n.serviceId().equals(service)).isEmpty()) {
                return false;
            }
            return retire(number, force, clock.instant());
        }));
        return Boolean.TRUE.equals(removed);
    }

    /**
     * Takes a number out of its pool inside the caller's transaction, closing the sessions on it
     * when {@code force} is set.
     *
     * @return false when the number was not in a pool
     * @throws NumberInUse when active sessions use it and {@code force} is false
     */
    boolean retire(PhoneNumber number, boolean force, Instant now) {
        // Retiring first takes the row lock that allocation also takes, so no session can be
        // opened on the number between the count below and the commit.
        if (!pool.retire(number)) {
            return false;
        }
        List<OpenSession> open = repository.openSessionsOnProxy(number);
        int live = (int) open.stream().filter(s -> !s.expiredAt(now)).count();
        if (live > 0 && !force) {
            throw new NumberInUse(number, live);
        }
        closeAndRelease(open, CloseReason.NUMBER_REMOVED, now);
        log.info("Pool: {} removed, {} active sessions closed", number.redacted(), live);
        return true;
    }

    private List<SessionKey> close(List<SessionKey> sessions, CloseReason reason, Instant now) {
        List<SessionEvents.Closed> closed = repository.close(sessions, reason, now);
        List<SessionKey> keys = closed.stream().map(SessionEvents.Closed::key).toList();
        events.publishEvent(new SessionsClosed(reason, keys));
        news.closed(closed, reason);
        return keys;
    }

    /** One unit of work in its own transaction at the current time, retried on a lost race. */
    int inTransaction(Function<Instant, Integer> work) {
        Integer result = races.retry(() -> transactions.write(status -> work.apply(clock.instant())));
        return result == null ? 0 : result;
    }

    /**
     * Closes the given open sessions, as expired where their lifetime has run out and with
     * {@code reason} otherwise, releases their routes and gives the routes back to the pool. Runs
     * inside the caller's transaction.
     *
     * @return how many sessions were closed with {@code reason}
     */
    int closeAndRelease(List<OpenSession> sessions, CloseReason reason, Instant now) {
        if (sessions.isEmpty()) {
            return 0;
        }
        List<SessionKey> due = new ArrayList<>();
        List<SessionKey> live = new ArrayList<>();
        for (OpenSession session : sessions) {
            (session.expiredAt(now) ? due : live).add(session.id());
        }
        List<SessionKey> closed = new ArrayList<>();
        int closedWithReason = 0;
        if (!due.isEmpty()) {
            List<SessionKey> expired = close(due, CloseReason.EXPIRED, now);
            closed.addAll(expired);
            if (reason == CloseReason.EXPIRED) {
                closedWithReason += expired.size();
            }
        }
        if (!live.isEmpty()) {
            List<SessionKey> ended = close(live, reason, now);
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
}
