package org.callmask.pool;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;

/**
 * What allocation asks the pool for.
 *
 * @param capabilities what the number must carry
 * @param country only numbers in this ISO region, when present
 * @param areaCode only numbers with this NANP area code, when present
 * @param excluded numbers that must not be offered: the participant already has them, or they
 *     are cooling off for it
 * @param preferred numbers to offer first, in this order, when eligible (the sticky choice)
 * @param deprioritised numbers to offer only after all others (avoid-sticky)
 * @param routes how many routes the chosen number will take (two for a seed mask)
 * @param spreadKey orders equally loaded numbers: stable for one key, different across keys
 */
public record CandidateQuery(
        ServiceId service,
        Set<Capability> capabilities,
        Optional<String> country,
        Optional<String> areaCode,
        Set<PhoneNumber> excluded,
        List<PhoneNumber> preferred,
        Set<PhoneNumber> deprioritised,
        int routes,
        String spreadKey,
        int limit) {

    public CandidateQuery {
        capabilities = Set.copyOf(capabilities);
        excluded = Set.copyOf(excluded);
        preferred = List.copyOf(preferred);
        deprioritised = Set.copyOf(deprioritised);
    }

    /** What the pool rows are filtered on: queries with the same filters can share their reads. */
    record Filters(
            ServiceId service,
            Set<Capability> capabilities,
            Optional<String> country,
            Optional<String> areaCode,
            int routes) {}

    Filters filters() {
        return new Filters(service, capabilities, country, areaCode, routes);
    }

    /** The same query without the area code: the fallback to the country. */
    public CandidateQuery withoutAreaCode() {
        return new CandidateQuery(
                service,
                capabilities,
                country,
                Optional.empty(),
                excluded,
                preferred,
                deprioritised,
                routes,
                spreadKey,
                limit);
    }
}
