package org.callmask.session;

import java.time.Duration;

/** A mask was asked to live for no time at all, or longer than the configured maximum. */
public final class InvalidLifetime extends IllegalArgumentException {

    private final Duration asked;
    private final Duration max;

    InvalidLifetime(Duration asked, Duration max) {
        super("A lifetime of " + asked.toSeconds() + "s is not between 1s and " + max.toSeconds() + "s");
        this.asked = asked;
        this.max = max;
    }

    /** The lifetime asked for. */
    public Duration asked() {
        return asked;
    }

    /** The longest lifetime allowed. */
    public Duration max() {
        return max;
    }
}
