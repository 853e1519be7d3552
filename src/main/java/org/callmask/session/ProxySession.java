package org.callmask.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callmask.service.ServiceId;
import org.callmask.service.VoiceOverrides;

/**
 * A session of the v1 API: participants who reach each other through their proxy numbers.
 * Nullable fields are {@code null} when not set.
 *
 * @param ttl sliding lifetime after the last interaction (or creation)
 * @param expiresAtFixed the absolute end asked for
 * @param expiresAt when it stops routing: the earlier of the two; {@code null} for never, and once
 *     it is closed
 * @param metadata the platform's opaque JSON object, as text
 * @param callbackUrl where its events go instead of the service's, or {@code null}
 * @param participants every participant, removed ones included, oldest first
 */
public record ProxySession(
        SessionId id,
        ServiceId serviceId,
        String uniqueName,
        SessionMode mode,
        SessionStatus status,
        CloseReason closedReason,
        Duration ttl,
        Instant expiresAtFixed,
        Instant expiresAt,
        String metadata,
        VoiceOverrides voice,
        Instant createdAt,
        Instant updatedAt,
        Instant lastInteractionAt,
        Instant closedAt,
        URI callbackUrl,
        List<Participant> participants) {

    public ProxySession {
        participants = List.copyOf(participants);
    }

    public List<Participant> activeParticipants() {
        return participants.stream().filter(p -> !p.isRemoved()).toList();
    }
}
