package org.callmask.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a call or text gets when the intercept hook gives no verdict: it timed out, could not be
 * reached, or answered 5xx. Fail-open or fail-closed, chosen by the platform.
 */
public enum InterceptFailure {
    ALLOW("allow"),
    DENY("deny");

    private final String wire;

    InterceptFailure(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<InterceptFailure> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
