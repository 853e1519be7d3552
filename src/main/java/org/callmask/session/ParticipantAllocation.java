package org.callmask.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.CandidateQuery;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.pool.RouteClaim;
import org.callmask.pool.Shortage;
import org.callmask.service.GeoMatch;
import org.callmask.service.NumberSelection;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceSettings;
import org.callmask.session.ParticipantRows.Past;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Chooses each participant's own proxy number. A candidate must not be one the participant
 * already has in another active session (the reuse rule), must carry what the session's mode
 * needs, must not be reserved (unless asked for by number), must be under its capacity, must not
 * be cooling off for the participant, and must match the service's geography for the
 * participant's number. Among those, the service's number selection ranks the participant's past
 * numbers first or last, then the least loaded. The choice is read without holding the writer;
 * the caller writes it, and {@link #take} counts it, inside one transaction, where the unique
 * index over active routes decides any race.
 */
@Component
class ParticipantAllocation {

    private static final int CANDIDATES_PER_ATTEMPT = 8;
    private static final int HISTORY = 20;

    private final NumberPool pool;
    private final ParticipantRows participants;
    private final PoolWatch watch;

    ParticipantAllocation(NumberPool pool, ParticipantRows participants, PoolWatch watch) {
        this.watch = watch;
        this.pool = pool;
        this.participants = participants;
    }

    /**
     * What one participant needs a number for.
     *
     * @param other the session's other participant, if it has one: the sticky choice and the
     *     cool-off are about who the participant is paired with
     * @param taken proxy numbers the participant already has in active sessions
     * @param previous a number to try first if it is still allowed (a re-opened session's own)
     */
    record Need(
            NewParticipant participant,
            Optional<PhoneNumber> other,
            Set<PhoneNumber> taken,
            Optional<PhoneNumber> previous) {}

    /**
     * The numbers to try for one participant, best first.
     *
     * @throws NoProxyNumber when no number is allowed
     * @throws ProxyNumberRefused when the number asked for is not allowed
     */
    Plan plan(ProxyService service, SessionMode mode, Need need, Instant now) {
        return plan(service, mode, List.of(need), now).get(0);
    }

    /**
     * The numbers to try for each of a session's participants, best first, read together: a
     * session's participants share the reads of their histories and of the pool.
     *
     * @return one plan per need, in the same order
     * @throws NoProxyNumber when no number is allowed for one of them (the first in order)
     * @throws ProxyNumberRefused when the number one of them asked for is not allowed
     */
    List<Plan> plan(ProxyService service, SessionMode mode, List<Need> needs, Instant now) {
        ServiceSettings settings = service.settings();
        Map<PhoneNumber, List<Past>> histories = histories(needs);
        List<Wish> wishes = new ArrayList<>();
        List<CandidateQuery> queries = new ArrayList<>();
        for (Need need : needs) {
            PhoneNumber number = need.participant().number();
            List<Past> history = histories.get(number);
            Set<PhoneNumber> cooling = coolingOff(settings, number, need.other(), history, now);
            Optional<String> country =
                    settings.geoMatch() == GeoMatch.NONE ? Optional.empty() : Optional.of(number.region());
            Optional<String> areaCode =
                    settings.geoMatch() == GeoMatch.AREA_CODE ? number.nanpAreaCode() : Optional.empty();
            Wish wish = new Wish(need, cooling, country, areaCode);
            wishes.add(wish);
            if (need.participant().proxyNumber().isEmpty()) {
                queries.add(query(service, mode, wish, history));
            }
        }
        Iterator<CandidateQuery> query = queries.iterator();
        Iterator<List<PoolNumber>> found = queries.isEmpty()
                ? Collections.emptyIterator()
                : pool.candidates(queries).iterator();
        List<Plan> plans = new ArrayList<>();
        for (Wish wish : wishes) {
            Optional<PhoneNumber> asked = wish.need().participant().proxyNumber();
            Plan plan;
            try {
                plan = asked.isPresent()
                        ? explicit(service, mode, asked.get(), wish)
                        : automatic(query.next(), found.next());
            } catch (NoProxyNumber e) {
                watch.exhausted(service.id(), e.shortage().wire(), wish.country(), wish.areaCode());
                throw e;
            }
            plans.add(plan.holding(wish.need().taken().size() + 1));
        }
        return plans;
    }

    /** A need with what the service's settings make of it. */
    private record Wish(Need need, Set<PhoneNumber> cooling, Optional<String> country, Optional<String> areaCode) {}

    private Map<PhoneNumber, List<Past>> histories(List<Need> needs) {
        if (needs.size() == 2
                && needs.get(0)
                        .other()
                        .equals(Optional.of(needs.get(1).participant().number()))
                && needs.get(1)
                        .other()
                        .equals(Optional.of(needs.get(0).participant().number()))) {
            return participants.historyOfTwo(
                    needs.get(0).participant().number(),
                    needs.get(1).participant().number(),
                    HISTORY);
        }
        Map<PhoneNumber, List<Past>> out = new HashMap<>();
        for (Need need : needs) {
            PhoneNumber number = need.participant().number();
            out.put(number, participants.history(number, need.other(), HISTORY));
        }
        return out;
    }

    private static CandidateQuery query(ProxyService service, SessionMode mode, Wish wish, List<Past> history) {
        Need need = wish.need();
        List<PhoneNumber> preferred = new ArrayList<>();
        need.previous().ifPresent(preferred::add);
        Set<PhoneNumber> deprioritised = new HashSet<>();
        if (service.settings().numberSelection() == NumberSelection.PREFER_STICKY) {
            history.stream().filter(Past::withOther).map(Past::proxy).forEach(preferred::add);
            history.stream().map(Past::proxy).forEach(preferred::add);
        } else {
            history.stream().map(Past::proxy).forEach(deprioritised::add);
        }
        Set<PhoneNumber> excluded = new HashSet<>(need.taken());
        excluded.addAll(wish.cooling());
        return new CandidateQuery(
                service.id(),
                mode.needs(),
                wish.country(),
                wish.areaCode(),
                excluded,
                List.copyOf(new LinkedHashSet<>(preferred)),
                deprioritised,
                1,
                need.participant().number().e164(),
                CANDIDATES_PER_ATTEMPT);
    }

    private Plan automatic(CandidateQuery query, List<PoolNumber> candidates) {
        if (candidates.isEmpty() && query.areaCode().isPresent()) {
            // No number with the area code: any number in the country will do, though the rule
            // was not met, which a pool that refills itself wants to know.
            watch.fellBack(query.service(), query.country(), query.areaCode());
            query = query.withoutAreaCode();
            candidates = pool.candidates(query);
        }
        if (candidates.isEmpty()) {
            Shortage shortage = pool.shortage(query);
            throw new NoProxyNumber(shortage);
        }
        return new Plan(candidates.stream().map(PoolNumber::number).toList(), false, 0);
    }

    /**
     * The numbers released from this participant within the cool-off, in sessions with someone
     * other than {@code other}. The history read for the sticky choice holds them all when it is
     * the participant's whole history; a participant with a longer one needs a second read, since
     * an old session may have been released recently.
     */
    private Set<PhoneNumber> coolingOff(
            ServiceSettings settings,
            PhoneNumber number,
            Optional<PhoneNumber> other,
            List<Past> history,
            Instant now) {
        if (settings.coolOff().isZero()) {
            return Set.of();
        }
        Instant since = now.minus(settings.coolOff());
        if (history.size() >= HISTORY) {
            return participants.coolingOff(number, other, since);
        }
        Set<PhoneNumber> cooling = new HashSet<>();
        history.stream().filter(p -> p.coolingOffSince(since)).map(Past::proxy).forEach(cooling::add);
        return cooling;
    }

    private Plan explicit(ProxyService service, SessionMode mode, PhoneNumber asked, Wish wish) {
        Optional<String> country = wish.country();
        Optional<String> areaCode = wish.areaCode();
        Set<PhoneNumber> taken = wish.need().taken();
        Set<PhoneNumber> cooling = wish.cooling();
        PoolNumber number = pool.find(service.id(), asked.e164())
                .orElseThrow(() -> new ProxyNumberRefused(ProxyNumberRefused.Reason.NOT_IN_POOL));
        if (!number.capabilities().containsAll(mode.needs())) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.LACKS_CAPABILITY);
        }
        if (country.isPresent() && !country.get().equals(number.country())) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.OTHER_COUNTRY);
        }
        if (areaCode.isPresent() && !areaCode.equals(number.areaCode())) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.OTHER_AREA_CODE);
        }
        if (taken.contains(asked)) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.ALREADY_PAIRED);
        }
        if (cooling.contains(asked)) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.COOLING_OFF);
        }
        if (number.capacity().isPresent()
                && number.activeRoutes() >= number.capacity().get()) {
            throw new ProxyNumberRefused(ProxyNumberRefused.Reason.FULL);
        }
        return new Plan(List.of(asked), true, 0);
    }

    /**
     * Counts the routes of the chosen numbers, inside the caller's transaction, after the
     * participants are written: the pool rows are locked only from here to the commit, and in
     * number order, so two transactions that take the same two numbers never deadlock. A number
     * that can no longer take a route (removed, full, or reserved meanwhile) fails the attempt
     * as a lost race, and the caller's retry reads fresh state.
     */
    /** After the plans were taken and committed: the pool may have run low. */
    void taken(ProxyService service, List<Plan> plans) {
        if (!plans.isEmpty()) {
            watch.allocated(service, Plan.mostHeld(plans));
        }
    }

    void take(List<Plan> plans) {
        List<RouteClaim> claims = plans.stream()
                .map(plan -> new RouteClaim(plan.chosen(), 1, plan.explicit()))
                .toList();
        if (!pool.takeRoutes(claims)) {
            throw new ConcurrencyFailureException("A proxy number changed while it was being given");
        }
    }

    /**
     * @param candidates numbers to try, best first
     * @param explicit the platform asked for the one number by number
     * @param held how many proxy numbers the participant holds once given this one
     */
    record Plan(List<PhoneNumber> candidates, boolean explicit, int held) {

        Plan holding(int numbers) {
            return new Plan(candidates, explicit, numbers);
        }

        static int mostHeld(List<Plan> plans) {
            return plans.stream().mapToInt(Plan::held).max().orElse(0);
        }

        /** The number given: the best candidate, as read; the unique index and {@link #take} check it. */
        PhoneNumber chosen() {
            return candidates.get(0);
        }
    }
}
