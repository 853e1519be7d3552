package org.callmask.interaction;

import java.net.URI;
import java.util.List;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.ParticipantId;
import org.callmask.session.SessionId;
import org.callmask.session.SessionKey;

/**
 * A contact as routing saw it, to be put on record.
 *
 * @param sessionKey with {@code sessionId}, the session it came in through; {@code null} for
 *     traffic outside any session
 * @param from the participant who called or texted; {@code null} when the caller is none
 * @param to the participant it was put through to; {@code null} when it was not
 * @param proxyNumber the pool number the contact came in on
 * @param inboundRef SignalWire's id for the inbound call or message, when the webhook carried one
 * @param reason why it was refused or blocked; {@code null} when it was put through
 * @param body the message's text; kept only when content is stored
 * @param mediaUrls the message's media; kept only when content is stored
 * @param callbackUrl the session's own callback URL, where the interaction's events go; {@code
 *     null} for the service's
 * @param origin whether a caller or the platform started it
 * @param idempotencyKey the platform's key for a contact it started; {@code null} if none
 */
public record NewInteraction(
        ServiceId service,
        SessionKey sessionKey,
        SessionId sessionId,
        InteractionType type,
        ParticipantId from,
        ParticipantId to,
        PhoneNumber proxyNumber,
        String inboundRef,
        Outcome outcome,
        String reason,
        String body,
        List<String> mediaUrls,
        URI callbackUrl,
        Origin origin,
        String idempotencyKey) {

    public NewInteraction {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        origin = origin == null ? Origin.WEBHOOK : origin;
    }

    /** A contact that reached a webhook. */
    public NewInteraction(
            ServiceId service,
            SessionKey sessionKey,
            SessionId sessionId,
            InteractionType type,
            ParticipantId from,
            ParticipantId to,
            PhoneNumber proxyNumber,
            String inboundRef,
            Outcome outcome,
            String reason,
            String body,
            List<String> mediaUrls,
            URI callbackUrl) {
        this(
                service,
                sessionKey,
                sessionId,
                type,
                from,
                to,
                proxyNumber,
                inboundRef,
                outcome,
                reason,
                body,
                mediaUrls,
                callbackUrl,
                Origin.WEBHOOK,
                null);
    }

    /** The same contact without the message's text and media. */
    NewInteraction withoutContent() {
        return new NewInteraction(
                service,
                sessionKey,
                sessionId,
                type,
                from,
                to,
                proxyNumber,
                inboundRef,
                outcome,
                reason,
                null,
                null,
                callbackUrl,
                origin,
                idempotencyKey);
    }
}
