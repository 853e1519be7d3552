package org.callmask.interaction;

import java.util.Arrays;
import java.util.Optional;

/** What kind of contact an interaction was. */
public enum InteractionType {
    CALL("call"),
    MESSAGE("message");

    private final String wire;

    InteractionType(String wire) {
        this.wire = wire;
    }

    /** The name the API and the database use. */
    public String wire() {
        return wire;
    }

    public static Optional<InteractionType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
