package org.callmask.pool;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.callmask.core.Cursor;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.core.PublicId;
import org.callmask.service.ServiceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pools of proxy numbers, one per service.
 *
 * <pre>{@code
 * pool.add(service, List.of(NewPoolNumber.plain(PhoneNumber.parse("+15551231111"))));
 * List<PoolNumber> candidates = pool.candidates(query);
 * }</pre>
 *
 * <p>The route counts kept here are changed only inside the caller's transaction, by the same
 * unit of work that inserts or releases the routes, so they never drift from the routes.
 */
@Service
public class NumberPool {

    private static final Logger log = LoggerFactory.getLogger(NumberPool.class);

    private final PoolRepository repository;
    private final PoolCandidates candidates;
    private final Clock clock;

    NumberPool(PoolRepository repository, PoolCandidates candidates, Clock clock) {
        this.repository = repository;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * Adds numbers to a service's pool inside the caller's transaction, so a failure adds none.
     * Numbers already in this pool are left as they are; removed ones come back.
     *
     * @return how many numbers were new to the pool or brought back
     * @throws NumberInAnotherService when one belongs to another service's pool
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int add(ServiceId service, Collection<NewPoolNumber> numbers) {
        Map<PhoneNumber, NewPoolNumber> unique = new LinkedHashMap<>();
        numbers.forEach(n -> unique.putIfAbsent(n.number(), n));
        Set<PhoneNumber> elsewhere = repository.inOtherServices(service, unique.keySet());
        if (!elsewhere.isEmpty()) {
            throw new NumberInAnotherService(elsewhere.iterator().next());
        }
        long now = clock.millis();
        int added = 0;
        for (NewPoolNumber number : unique.values()) {
            added += repository.add(service, number, now);
        }
        log.info("Pool of {}: {} of {} numbers added", service, added, numbers.size());
        return added;
    }

    /** Each service's pool at a glance, by service id. */
    public java.util.Map<String, PoolStats> usageByService() {
        return repository.usageByService();
    }

    /** A service's numbers, in the order they were added. */
    public List<PhoneNumber> numbers(ServiceId service) {
        return repository.numbers(service);
    }

    /** A service's numbers, a page at a time, in the order they were added. */
    public Page<PoolNumber> page(ServiceId service, PageRequest request) {
        return Page.of(
                repository.page(service, request),
                request,
                n -> new Cursor(n.createdAt().toEpochMilli(), n.number().e164()));
    }

    /** A number of the service's pool, by its id ({@code num_…}) or the number itself. */
    public Optional<PoolNumber> find(ServiceId service, String idOrNumber) {
        Optional<PoolNumber> found;
        if (PublicId.isValid(PoolNumber.ID_PREFIX, idOrNumber)) {
            found = repository.byId(idOrNumber);
        } else {
            PhoneNumber number = PhoneNumber.parseOrNull(idOrNumber);
            found = number == null ? Optional.empty() : repository.byNumber(number);
        }
        return found.filter(n -> n.serviceId().equals(service));
    }

    /** The pool number, in whichever service's pool it is. */
    public Optional<PoolNumber> find(PhoneNumber number) {
        return repository.byNumber(number);
    }

    /** Which of {@code numbers} are in any pool now. */
    public Set<PhoneNumber> present(Collection<PhoneNumber> numbers) {
        return repository.present(numbers);
    }

    /** Counts for monitoring, over every pool; read without a transaction. */
    public PoolStats stats() {
        return repository.stats();
    }

    /** How many of the service's numbers could take another route: not reserved, under capacity. */
    public long numbersWithRoom(ServiceId service) {
        return repository.roomy(service);
    }

    /**
     * Numbers to try for a new route, best first: the preferred ones that are eligible, in order,
     * then the least loaded, with the deprioritised ones last. Among equally loaded numbers the
     * order depends on the query's spread key: stable for one participant or pair, different
     * across them, so concurrent requests spread over the pool instead of all queueing on the lock
     * of its first number.
     */
    public List<PoolNumber> candidates(CandidateQuery query) {
        return candidates.of(List.of(query)).get(0);
    }

    /**
     * {@link #candidates(CandidateQuery)} for several queries at once, such as a new session's two
     * participants: queries with the same filters share their reads.
     *
     * @return one list per query, in the order of the queries
     */
    public List<List<PoolNumber>> candidates(List<CandidateQuery> queries) {
        return candidates.of(queries);
    }

    /** Which constraint leaves the query without a number; call it when {@link #candidates} found none. */
    public Shortage shortage(CandidateQuery query) {
        return repository.shortage(query);
    }

    /**
     * Counts {@code routes} new routes on a number, unless it has been removed, is full, or is
     * reserved and was not asked for by number.
     *
     * @param explicit the number was asked for by number, which a reservation allows
     * @return false when the number cannot take the routes now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean takeRoutes(PhoneNumber number, int routes, boolean explicit) {
        return takeRoutes(List.of(new RouteClaim(number, routes, explicit)));
    }

    /**
     * Counts the claimed routes, in number order, so that two transactions claiming the same
     * numbers lock their rows in the same order and never deadlock; the claims travel to the
     * database together.
     *
     * @return false when one of the numbers cannot take its routes now; the caller must then roll
     *     back, since the others were counted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean takeRoutes(List<RouteClaim> claims) {
        return repository.takeRoutes(
                claims.stream().sorted(Comparator.comparing(RouteClaim::number)).toList());
    }

    /** Uncounts released routes, per number, in a fixed order so concurrent releases never deadlock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBackRoutes(Map<PhoneNumber, Integer> routesByNumber) {
        new TreeMap<>(routesByNumber).forEach(repository::giveBackRoutes);
    }

    /**
     * Takes a number out of allocation. Its history stays, so old sessions can still be listed.
     *
     * @return false when the number was not in a pool
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retire(PhoneNumber number) {
        return repository.retire(number, clock.millis());
    }

    /**
     * Changes whether a number is reserved and how many routes it may carry. A lower capacity
     * than its current load keeps its routes and only stops new ones.
     *
     * @return the number as changed, or empty when it is not in the service's pool
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PoolNumber> change(ServiceId service, String idOrNumber, NumberChanges changes) {
        Optional<PoolNumber> current = find(service, idOrNumber);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        PoolNumber number = current.get();
        boolean reserved = changes.reserved().orElse(number.reserved());
        Optional<Integer> capacity = changes.capacity().orElse(number.capacity());
        if (!repository.change(number.number(), reserved, capacity.orElse(null), clock.millis())) {
            return Optional.empty();
        }
        return find(service, number.number().e164());
    }

    /** Fills the country and area code of numbers added before the pool recorded them. */
    void fillGeography() {
        List<PhoneNumber> missing = repository.withoutGeography();
        missing.forEach(repository::setGeography);
        if (!missing.isEmpty()) {
            log.info("Pool: country and area code filled in for {} numbers", missing.size());
        }
    }
}
