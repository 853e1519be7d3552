package org.callmask.events;

import java.time.Instant;
import org.callmask.service.ServiceId;

/**
 * An event and how its delivery stands. Nullable fields are {@code null} when not set.
 *
 * @param sessionId the public id of the session it tells of
 * @param payload the exact JSON body delivered
 * @param attempts how many deliveries were tried
 * @param nextAttemptAt when a pending event is tried next
 * @param lastError why the last attempt failed, without secrets or bodies
 */
public record OutboxEvent(
        EventId id,
        ServiceId serviceId,
        String sessionId,
        String type,
        String payload,
        EventStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt) {}
