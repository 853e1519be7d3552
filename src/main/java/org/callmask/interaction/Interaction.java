package org.callmask.interaction;

import java.time.Instant;
import java.util.List;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.ParticipantId;
import org.callmask.session.SessionId;

/**
 * A call or message on record. Nullable parts are {@code null} when unknown or not applicable.
 *
 * @param sessionId {@code null} for traffic outside any session
 * @param status the furthest status reported; {@code null} before any callback
 * @param statusHistory every status reported, in the order received
 * @param body the message's text, only when content is stored
 * @param mediaUrls the message's media, only when content is stored
 * @param origin whether a caller or the platform started it
 */
public record Interaction(
        InteractionId id,
        ServiceId service,
        SessionId sessionId,
        InteractionType type,
        ParticipantId from,
        ParticipantId to,
        PhoneNumber proxyNumber,
        String inboundRef,
        String outboundRef,
        Outcome outcome,
        String reason,
        InteractionStatus status,
        List<StatusChange> statusHistory,
        Integer durationSeconds,
        String endReason,
        String recordingUrl,
        String body,
        List<String> mediaUrls,
        Instant createdAt,
        Instant updatedAt,
        Origin origin) {

    public Interaction {
        statusHistory = List.copyOf(statusHistory);
        mediaUrls = List.copyOf(mediaUrls);
    }

    /** This interaction with its history as read from its own table. */
    Interaction withStatusHistory(List<StatusChange> history) {
        return new Interaction(
                id,
                service,
                sessionId,
                type,
                from,
                to,
                proxyNumber,
                inboundRef,
                outboundRef,
                outcome,
                reason,
                status,
                history,
                durationSeconds,
                endReason,
                recordingUrl,
                body,
                mediaUrls,
                createdAt,
                updatedAt,
                origin);
    }
}
