package org.callmask.session;

import java.util.Locale;

/** Why a session stopped routing; stored in {@code session.close_reason}. */
public enum CloseReason {
    /** Its lifetime ran out. */
    EXPIRED("expired"),
    /** The platform closed (the seed API: deleted) it. */
    DELETED("api"),
    /** Its proxy number was removed from the pool with {@code force}. */
    NUMBER_REMOVED("number-removed");

    private final String wire;

    CloseReason(String wire) {
        this.wire = wire;
    }

    /** The {@code closed_reason} the v1 API reports. */
    public String wire() {
        return wire;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CloseReason ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
