package org.callmask.pool;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;

/**
 * A number in a service's pool.
 *
 * @param id {@code num_} and 32 hex digits
 * @param country ISO 3166 region of the number
 * @param areaCode its NANP area code, if it is a NANP number
 * @param reserved kept out of automatic allocation; given only when asked for by number
 * @param capacity most active routes it may carry at once; empty for no limit
 * @param activeRoutes how many active routes (participants) use it now
 */
public record PoolNumber(
        String id,
        PhoneNumber number,
        ServiceId serviceId,
        String country,
        Optional<String> areaCode,
        Set<Capability> capabilities,
        boolean reserved,
        Optional<Integer> capacity,
        int activeRoutes,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "num";

    public PoolNumber {
        capabilities = Set.copyOf(capabilities);
    }
}
