package org.callmask.signalwire;

import java.time.Duration;

/**
 * SignalWire could not be reached, did not answer in time, or failed so often of late that
 * CallMask stopped calling it for a while. Whether a request that timed out was carried out is
 * not known.
 */
public class SignalWireUnavailable extends RuntimeException {

    private final Duration retryAfter;
    private final boolean maybeDone;

    SignalWireUnavailable(String message, Duration retryAfter) {
        this(message, retryAfter, false);
    }

    SignalWireUnavailable(String message, Duration retryAfter, boolean maybeDone) {
        super(message);
        this.retryAfter = retryAfter;
        this.maybeDone = maybeDone;
    }

    /** Whether SignalWire may have carried the request out (it got it, but did not answer in time). */
    public boolean maybeDone() {
        return maybeDone;
    }

    /** When trying again may succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
