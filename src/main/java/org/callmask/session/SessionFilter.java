package org.callmask.session;

import java.time.Instant;
import java.util.Optional;
import org.callmask.core.PhoneNumber;

/** Which sessions of a service to list; every present field must match. */
public record SessionFilter(
        Optional<SessionStatus> status,
        Optional<PhoneNumber> participant,
        Optional<PhoneNumber> proxyNumber,
        Optional<String> uniqueName,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore) {

    public static final SessionFilter ALL = new SessionFilter(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
