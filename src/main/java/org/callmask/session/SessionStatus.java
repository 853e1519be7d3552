package org.callmask.session;

import java.util.Arrays;
import java.util.Optional;

/** Where a session is in its life. */
public enum SessionStatus {
    /** Routing, and nothing has gone through it yet. */
    OPEN("open"),
    /** Routing, and at least one call or text went through. */
    IN_PROGRESS("in-progress"),
    /** No longer routing: closed by the platform, expired, or its number was removed. */
    CLOSED("closed");

    private final String wire;

    SessionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SessionStatus> of(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}
