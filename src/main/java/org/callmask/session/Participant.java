package org.callmask.session;

import java.time.Instant;
import org.callmask.core.PhoneNumber;

/**
 * One real number in a session, and the proxy number it sees the session by.
 *
 * @param name the platform's label, such as {@code courier}; {@code null} if none
 * @param removedAt when the platform removed it; {@code null} while it takes part
 */
public record Participant(
        ParticipantId id,
        PhoneNumber number,
        String name,
        PhoneNumber proxyNumber,
        Instant createdAt,
        Instant updatedAt,
        Instant removedAt) {

    public boolean isRemoved() {
        return removedAt != null;
    }
}
