package org.callmask.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * Ranks the numbers a query may be given. Queries with the same filters (a new session's two
 * participants, as a rule) are answered from one read of the least-loaded numbers and one read of
 * their preferred numbers: session creation is bound by its round trips to the database.
 */
@Component
class PoolCandidates {

    /**
     * How many of the least-loaded numbers ties are spread over: wide enough that concurrent
     * requests rarely pick the same number and queue on its row lock.
     */
    private static final int TIE_WINDOW = 64;

    private final PoolRepository repository;

    PoolCandidates(PoolRepository repository) {
        this.repository = repository;
    }

    List<List<PoolNumber>> of(List<CandidateQuery> queries) {
        Map<CandidateQuery.Filters, List<CandidateQuery>> byFilters = new LinkedHashMap<>();
        queries.forEach(q ->
                byFilters.computeIfAbsent(q.filters(), f -> new ArrayList<>()).add(q));
        Map<CandidateQuery, List<PoolNumber>> answers = new HashMap<>();
        byFilters.values().forEach(group -> answer(group, answers));
        return queries.stream().map(answers::get).toList();
    }

    private void answer(List<CandidateQuery> group, Map<CandidateQuery, List<PoolNumber>> answers) {
        CandidateQuery first = group.get(0);
        Set<PhoneNumber> preferred = new LinkedHashSet<>();
        group.forEach(q ->
                q.preferred().stream().filter(p -> !q.excluded().contains(p)).forEach(preferred::add));
        Map<PhoneNumber, PoolNumber> eligible = new HashMap<>();
        if (!preferred.isEmpty()) {
            repository.eligibleAmong(first, preferred).forEach(n -> eligible.put(n.number(), n));
        }
        int window = group.stream().mapToInt(PoolCandidates::window).max().orElseThrow();
        List<PoolNumber> leastLoaded = repository.leastLoaded(first, window);
        group.forEach(q -> answers.put(q, rank(q, eligible, leastLoaded)));
    }

    private static int window(CandidateQuery query) {
        return Math.max(TIE_WINDOW, query.limit())
                + query.excluded().size()
                + query.deprioritised().size();
    }

    private static List<PoolNumber> rank(
            CandidateQuery query, Map<PhoneNumber, PoolNumber> eligible, List<PoolNumber> leastLoaded) {
        Map<PhoneNumber, PoolNumber> out = new LinkedHashMap<>();
        query.preferred().stream()
                .filter(p -> !query.excluded().contains(p))
                .map(eligible::get)
                .filter(n -> n != null)
                .forEach(n -> out.putIfAbsent(n.number(), n));
        List<Ranked> ranked = new ArrayList<>();
        for (PoolNumber candidate : leastLoaded) {
            if (!query.excluded().contains(candidate.number())) {
                ranked.add(new Ranked(
                        candidate,
                        query.deprioritised().contains(candidate.number()),
                        spread(query.spreadKey(), candidate.number())));
            }
        }
        ranked.sort(Comparator.comparing(Ranked::deprioritised)
                .thenComparingInt(r -> r.candidate().activeRoutes())
                .thenComparingInt(Ranked::spread));
        for (Ranked r : ranked) {
            if (out.size() >= query.limit()) {
                break;
            }
            out.putIfAbsent(r.candidate().number(), r.candidate());
        }
        return List.copyOf(out.values());
    }

    private record Ranked(PoolNumber candidate, boolean deprioritised, int spread) {}

    private static int spread(String key, PhoneNumber number) {
        int h = (key + '|' + number.e164()).hashCode();
        // Murmur3's finaliser: neighbouring numbers must not keep neighbouring places.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
