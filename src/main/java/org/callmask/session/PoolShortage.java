package org.callmask.session;

import java.util.Optional;
import org.callmask.service.ServiceId;

/**
 * A service's pool fell short: an allocation found no number, or free capacity fell under the low
 * watermark. Published in-process after each such allocation (unlike pool.exhausted, which tells
 * the platform at most once a minute), for whatever refills pools.
 *
 * @param constraint the shortage ({@code no-number-in-area-code}, …), or {@code pool-low}
 * @param country the participant's country when the geo rule asked for it
 * @param areaCode the participant's area code when the geo rule asked for it
 */
public record PoolShortage(ServiceId service, String constraint, Optional<String> country, Optional<String> areaCode) {

    public static final String LOW = "pool-low";
}
