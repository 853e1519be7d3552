package org.callmask.pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.callmask.core.PhoneNumber;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool of proxy numbers.
 *
 * <pre>{@code
 * pool.add(List.of(PhoneNumber.parse("+15551231111")));
 * List<PoolNumber> candidates = pool.candidates(Set.of(), Optional.empty(), "pair", 8);
 * }</pre>
 *
 * <p>The route counts kept here are changed only inside the caller's transaction, by the same
 * unit of work that inserts or releases the routes, so they never drift from the routes.
 */
@Service
public class NumberPool {

    private static final Logger log = LoggerFactory.getLogger(NumberPool.class);

    /** How many of the least-loaded numbers ties are spread over. */
    private static final int TIE_WINDOW = 16;

    private final PoolRepository repository;
    private final Transactions transactions;
    private final Clock clock;

    NumberPool(PoolRepository repository, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Adds numbers in one transaction: all of them or, if the store fails, none. Numbers already in
     * the pool are left as they are; removed ones come back.
     *
     * @return how many numbers were new to the pool or brought back
     */
    public int add(Collection<PhoneNumber> numbers) {
        int added = transactions.write(status -> {
            long now = clock.millis();
            int count = 0;
            for (PhoneNumber number : new LinkedHashSet<>(numbers)) {
                count += repository.add(number, now);
            }
            return count;
        });
        log.info("Pool: {} of {} numbers added", added, numbers.size());
        return added;
    }

    /** The numbers in the pool, in the order they were added. */
    public List<PhoneNumber> numbers() {
        return repository.numbers();
    }

    /** Which of {@code numbers} are in the pool now. */
    public Set<PhoneNumber> present(Collection<PhoneNumber> numbers) {
        return repository.present(numbers);
    }

    /** Counts for monitoring; read without a transaction. */
    public PoolStats stats() {
        return repository.stats();
    }

    /**
     * Numbers to try for a new session, best first: the preferred one (if it is in the pool and
     * not excluded), then the least-loaded. Among equally loaded numbers the order depends on
     * {@code spreadKey}: stable for one pair, different across pairs, so concurrent requests spread
     * over the pool instead of all queueing on the lock of its first number.
     *
     * @param excluded numbers that must not be offered, such as those a participant already uses
     */
    public List<PoolNumber> candidates(
            Set<PhoneNumber> excluded, Optional<PhoneNumber> preferred, String spreadKey, int limit) {
        LinkedHashSet<PoolNumber> out = new LinkedHashSet<>();
        preferred
                .filter(p -> !excluded.contains(p))
                .flatMap(repository::findAvailable)
                .ifPresent(out::add);
        List<Ranked> window = new ArrayList<>();
        for (PoolNumber candidate : repository.leastLoaded(Math.max(TIE_WINDOW, limit) + excluded.size())) {
            if (!excluded.contains(candidate.number())) {
                window.add(new Ranked(candidate, spread(spreadKey, candidate.number())));
            }
        }
        window.sort(Comparator.comparingInt((Ranked r) -> r.candidate().activeRoutes())
                .thenComparingInt(Ranked::spread));
        for (Ranked ranked : window) {
            if (out.size() >= limit) {
                break;
            }
            out.add(ranked.candidate());
        }
        return List.copyOf(out);
    }

    private record Ranked(PoolNumber candidate, int spread) {}

    private static int spread(String key, PhoneNumber number) {
        int h = (key + '|' + number.e164()).hashCode();
        // Murmur3's finaliser: neighbouring numbers must not keep neighbouring places.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * Counts {@code routes} new routes on a number, unless it has been removed from the pool.
     *
     * @return false when the number is no longer in the pool
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean takeRoutes(PhoneNumber number, int routes) {
        return repository.takeRoutes(number, routes);
    }

    /** Uncounts released routes, per number, in a fixed order so concurrent releases never deadlock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBackRoutes(Map<PhoneNumber, Integer> routesByNumber) {
        new TreeMap<>(routesByNumber).forEach(repository::giveBackRoutes);
    }

    /**
     * Takes a number out of allocation. Its history stays, so old sessions can still be listed.
     *
     * @return false when the number was not in the pool
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retire(PhoneNumber number) {
        return repository.retire(number, clock.millis());
    }
}
