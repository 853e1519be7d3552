package org.callmask.session;

import java.time.Duration;
import java.time.Instant;

/** When a session stops routing, from its sliding and absolute lifetimes. */
final class Lifetimes {

    private Lifetimes() {}

    /**
     * The earlier of {@code base + ttl} and {@code fixed}; {@code null} when neither is set.
     *
     * @param base the last interaction, or the creation (or re-opening) when there was none
     */
    static Instant end(Duration ttl, Instant fixed, Instant base) {
        Instant sliding = ttl == null ? null : base.plus(ttl);
        if (sliding == null) {
            return fixed;
        }
        if (fixed == null) {
            return sliding;
        }
        return sliding.isBefore(fixed) ? sliding : fixed;
    }
}
