package org.callmask.signalwire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling SignalWire after {@code failures} failures in a row: for {@code openFor} every
 * request is refused at once, then one is let through, and its outcome closes the circuit or opens
 * it again. A SignalWire that is down is not hammered, and callers learn at once rather than after
 * every timeout.
 */
final class Circuit {

    private final int failures;
    private final Duration openFor;
    private final Clock clock;

    private int failedInARow;
    private Instant openUntil;
    private boolean trialOut;

    Circuit(int failures, Duration openFor, Clock clock) {
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * @return empty when the request may go; otherwise how long until one may
     */
    synchronized Duration refusal() {
        if (openUntil == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return Duration.between(now, openUntil);
        }
        if (trialOut) {
            return openFor;
        }
        trialOut = true;
        return Duration.ZERO;
    }

    synchronized void succeeded() {
        failedInARow = 0;
        openUntil = null;
        trialOut = false;
    }

    /** @return whether this failure opened the circuit */
    synchronized boolean failed() {
        failedInARow++;
        trialOut = false;
        if (openUntil != null || failedInARow >= failures) {
            boolean opening = openUntil == null;
            openUntil = clock.instant().plus(openFor);
            return opening;
        }
        return false;
    }

    synchronized boolean isOpen() {
        return openUntil != null;
    }
}
