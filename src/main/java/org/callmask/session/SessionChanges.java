package org.callmask.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes to a session; an empty field keeps the current value.
 *
 * @param status {@link SessionStatus#CLOSED} closes it, {@link SessionStatus#OPEN} re-opens it
 * @param ttl the new sliding lifetime, where zero means none
 * @param expiresAt the new absolute end, where an inner empty means none
 * @param callbackUrl the session's own callback URL, where an inner empty means the service's
 */
public record SessionChanges(
        Optional<SessionStatus> status,
        Optional<Duration> ttl,
        Optional<Optional<Instant>> expiresAt,
        Optional<SessionMode> mode,
        Optional<Optional<URI>> callbackUrl) {

    public boolean changesLifetime() {
        return ttl.isPresent() || expiresAt.isPresent();
    }
}
