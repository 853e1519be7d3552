package org.callmask.session;

import java.util.Locale;

/** A mask's state as the admin API reports it. */
public enum MaskStatus {
    /** Open and within its lifetime: calls and texts are routed. */
    ACTIVE,
    /** Its lifetime ran out, whether or not the sweeper has closed it yet. Nothing is routed. */
    EXPIRED,
    /** Closed by the platform, or by removing its number from the pool. Nothing is routed. */
    DELETED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
