package org.callmask.signalwire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling SignalWire after {@code failures} failures in a row: for {@code openFor} every
 * request is refused at once, then one is let through, and its outcome closes the circuit or opens
 * it again. A SignalWire that is down is not hammered, and callers learn at once rather than after
 * every timeout. A trial that never reports (its thread interrupted, an unexpected error) stops
 * counting after another {@code openFor}, so the circuit cannot stay shut for good.
 */
final class Circuit {

    private final int failures;
    private final Duration openFor;
    private final Clock clock;

    private int failedInARow;
    private Instant openUntil;
    private Instant trialUntil;

    Circuit(int failures, Duration openFor, Clock clock) {
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * @return zero when the request may go; otherwise how long until one may
     */
    synchronized Duration refusal() {
        if (openUntil == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return Duration.between(now, openUntil);
        }
        if (trialUntil != null && now.isBefore(trialUntil)) {
            return Duration.between(now, trialUntil);
        }
        trialUntil = now.plus(openFor);
        return Duration.ZERO;
    }

    synchronized void succeeded() {
        failedInARow = 0;
        openUntil = null;
        trialUntil = null;
    }

    /** A request that ended without an answer or a failure to count: a trial may go again. */
    synchronized void abandoned() {
        trialUntil = null;
    }

    /** @return whether this failure opened the circuit */
    synchronized boolean failed() {
        failedInARow++;
        trialUntil = null;
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
