package org.callmask.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callmask.service.VoiceOverrides;

/**
 * A session to open.
 *
 * @param uniqueName the platform's name for it, unique among the service's open sessions
 * @param ttl sliding lifetime; empty for the service's default, zero for none
 * @param expiresAt absolute end; empty for none
 * @param metadata an opaque JSON object as text, or {@code null}
 * @param callbackUrl where this session's events go instead of the service's, or {@code null}
 */
public record NewSession(
        Optional<String> uniqueName,
        SessionMode mode,
        Optional<Duration> ttl,
        Optional<Instant> expiresAt,
        String metadata,
        VoiceOverrides voice,
        List<NewParticipant> participants,
        URI callbackUrl) {

    public static final int MAX_PARTICIPANTS = 2;
    public static final int MAX_UNIQUE_NAME = 200;
    public static final int MAX_METADATA_BYTES = 4096;

    public NewSession {
        participants = List.copyOf(participants);
    }
}
