package org.callmask.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.CandidateQuery;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
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

    ParticipantAllocation(NumberPool pool, ParticipantRows participants) {
        this.pool = pool;
        this.participants = participants;
    }

    /**
     * The numbers to try for one participant, best first.
     *
     * @param other the session's other participant, if it has one: the sticky choice and the
     *     cool-off are about who the participant is paired with
     * @param taken proxy numbers the participant already has in active sessions
     * @param previous a number to try first if it is still allowed (a re-opened session's own)
     * @throws NoProxyNumber when no number is allowed
     * @throws ProxyNumberRefused when the number asked for is not allowed
     */
    Plan plan(
            ProxyService service,
            SessionMode mode,
            NewParticipant participant,
            Optional<PhoneNumber> other,
            Set<PhoneNumber> taken,
            Optional<PhoneNumber> previous,
            Instant now) {
        ServiceSettings settings = service.settings();
        PhoneNumber number = participant.number();
        List<Past> history = participants.history(number, other, HISTORY);
        Set<PhoneNumber> cooling = coolingOff(settings, number, other, history, now);
        Optional<String> country =
                settings.geoMatch() == GeoMatch.NONE ? Optional.empty() : Optional.of(number.region());
        Optional<String> areaCode =
                settings.geoMatch() == GeoMatch.AREA_CODE ? number.nanpAreaCode() : Optional.empty();
        if (participant.proxyNumber().isPresent()) {
            return explicit(service, mode, participant.proxyNumber().get(), country, areaCode, taken, cooling);
        }
        List<PhoneNumber> preferred = new ArrayList<>();
        previous.ifPresent(preferred::add);
        Set<PhoneNumber> deprioritised = new HashSet<>();
        if (settings.numberSelection() == NumberSelection.PREFER_STICKY) {
            history.stream().filter(Past::withOther).map(Past::proxy).forEach(preferred::add);
            history.stream().map(Past::proxy).forEach(preferred::add);
        } else {
            history.stream().map(Past::proxy).forEach(deprioritised::add);
        }
        Set<PhoneNumber> excluded = new HashSet<>(taken);
        excluded.addAll(cooling);
        CandidateQuery query = new CandidateQuery(
                service.id(),
                mode.needs(),
                country,
                areaCode,
                excluded,
                List.copyOf(new LinkedHashSet<>(preferred)),
                deprioritised,
                1,
                number.e164(),
                CANDIDATES_PER_ATTEMPT);
        List<PoolNumber> candidates = pool.candidates(query);
        if (candidates.isEmpty() && areaCode.isPresent()) {
            // No number with the area code: any number in the country will do.
            query = query.withoutAreaCode();
            candidates = pool.candidates(query);
        }
        if (candidates.isEmpty()) {
            Shortage shortage = pool.shortage(query);
            throw new NoProxyNumber(shortage);
        }
        return new Plan(candidates.stream().map(PoolNumber::number).toList(), false);
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

    private Plan explicit(
            ProxyService service,
            SessionMode mode,
            PhoneNumber asked,
            Optional<String> country,
            Optional<String> areaCode,
            Set<PhoneNumber> taken,
            Set<PhoneNumber> cooling) {
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
        return new Plan(List.of(asked), true);
    }

    /**
     * Counts the routes of the chosen numbers, inside the caller's transaction, after the
     * participants are written: the pool rows are locked only from here to the commit, and in
     * number order, so two transactions that take the same two numbers never deadlock. A number
     * that can no longer take a route (removed, full, or reserved meanwhile) fails the attempt
     * as a lost race, and the caller's retry reads fresh state.
     */
    void take(List<Plan> plans) {
        plans.stream().sorted(Comparator.comparing(Plan::chosen)).forEach(plan -> {
            if (!pool.takeRoutes(plan.chosen(), 1, plan.explicit())) {
                throw new ConcurrencyFailureException("A proxy number changed while it was being given");
            }
        });
    }

    /**
     * @param candidates numbers to try, best first
     * @param explicit the platform asked for the one number by number
     */
    record Plan(List<PhoneNumber> candidates, boolean explicit) {

        /** The number given: the best candidate, as read; the unique index and {@link #take} check it. */
        PhoneNumber chosen() {
            return candidates.get(0);
        }
    }
}
