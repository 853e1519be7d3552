package org.callmask.session;

import java.time.Instant;
import org.callmask.core.PhoneNumber;

/**
 * A two-party session as the seed's API knows it: a client and a contractor who both see
 * {@code maskNumber}.
 */
public record Mask(
        SessionKey id,
        PhoneNumber client,
        PhoneNumber contractor,
        PhoneNumber maskNumber,
        Instant createdAt,
        Instant expiresAt,
        MaskStatus status) {}
