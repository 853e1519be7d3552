package org.callmask.session;

import java.time.Duration;

/** A mask was asked to live for no time at all, or longer than the configured maximum. */
public final class InvalidLifetime extends IllegalArgumentException {

    InvalidLifetime(Duration asked, Duration max) {
        super("ttl_seconds must be between 1 and " + max.toSeconds() + ", was " + asked.toSeconds());
    }
}
