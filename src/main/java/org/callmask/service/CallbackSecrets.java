package org.callmask.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets that sign a service's outgoing requests: the current one and, for a while after a
 * rotation, the previous one, so a platform can switch its verification over without losing a
 * delivery.
 *
 * @param previous {@code null} when there was no rotation or its grace period is over
 * @param previousUntil when the previous secret stops signing
 */
public record CallbackSecrets(String current, String previous, Instant previousUntil) {

    /** The secrets that sign a request sent at {@code now}, current first. */
    public List<String> signingAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        if (current != null) {
            secrets.add(current);
        }
        if (previous != null && previousUntil != null && now.isBefore(previousUntil)) {
            secrets.add(previous);
        }
        return List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "CallbackSecrets[hidden]";
    }
}
