package org.callmask.service;

import java.util.Arrays;
import java.util.Optional;

/** Which proxy numbers a participant may get, by where the participant's own number is. */
public enum GeoMatch {
    /** A number in the participant's country. */
    COUNTRY("country"),
    /** A number with the participant's NANP area code, else one in the participant's country. */
    AREA_CODE("area-code"),
    /** Any number. */
    NONE("none");

    private final String wire;

    GeoMatch(String wire) {
        this.wire = wire;
    }

    /** How the API and the database spell it. */
    public String wire() {
        return wire;
    }

    public static Optional<GeoMatch> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
