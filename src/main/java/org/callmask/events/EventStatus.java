package org.callmask.events;

import java.util.Arrays;
import java.util.Optional;

/** Where an event's delivery stands. */
public enum EventStatus {
    /** Not delivered yet: due now, or waiting for its next attempt. */
    PENDING("pending"),
    /** The platform answered 2xx. */
    DELIVERED("delivered"),
    /** Retried until its time ran out; redelivery starts it again. */
    FAILED("failed");

    private final String wire;

    EventStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventStatus> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
