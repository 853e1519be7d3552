package org.callmask.session;

import java.util.Locale;

/** Why a session stopped routing; stored in {@code session.close_reason}. */
enum CloseReason {
    /** Its lifetime ran out. */
    EXPIRED,
    /** The platform deleted it. */
    DELETED,
    /** Its proxy number was removed from the pool with {@code force}. */
    NUMBER_REMOVED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
