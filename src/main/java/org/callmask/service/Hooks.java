package org.callmask.service;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a service tells the platform what happened, and whom it asks before a contact goes
 * through.
 *
 * @param callbackUrl where events are delivered; {@code null}: none are written
 * @param interceptUrl asked before each call or text a session would put through; {@code null}:
 *     nobody is asked
 * @param interceptOnFailure what a contact gets when the hook gives no verdict
 * @param gracePeriod how long after a session closed an out-of-session callback still names it
 */
public record Hooks(URI callbackUrl, URI interceptUrl, InterceptFailure interceptOnFailure, Duration gracePeriod) {

    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);

    public static final Hooks NONE = new Hooks(null, null, InterceptFailure.ALLOW, Duration.ofDays(1));

    public Hooks {
        if (interceptOnFailure == null) {
            throw new IllegalArgumentException("intercept_on_failure is required");
        }
        if (gracePeriod.isNegative()
                || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0
                || gracePeriod.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "grace_period must be whole seconds between 0 and " + MAX_GRACE_PERIOD.toSeconds());
        }
    }

    public Optional<URI> callback() {
        return Optional.ofNullable(callbackUrl);
    }

    public Optional<URI> intercept() {
        return Optional.ofNullable(interceptUrl);
    }
}
