package org.callmask.service;

import java.util.Arrays;
import java.util.Optional;

/** Whether a participant gets back proxy numbers it had before, or new ones. */
public enum NumberSelection {
    /** The number it last had with the same other participant, else one it had before. */
    PREFER_STICKY("prefer-sticky"),
    /** Numbers it never had first. */
    AVOID_STICKY("avoid-sticky");

    private final String wire;

    NumberSelection(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<NumberSelection> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
