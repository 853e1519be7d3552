package org.callmask.session;

import java.net.URI;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.service.VoiceOverrides;

/**
 * The answer to "who does this caller reach through this proxy number?": the caller is an active
 * participant of an open session on it.
 *
 * @param session the session the route belongs to
 * @param sessionId that session's public id
 * @param voice the session's changes to its service's voice options
 * @param caller the participant calling or texting
 * @param calleeId the other participant; {@code null} with {@code callee}
 * @param callee the other participant's real number; {@code null} while the caller is alone in the
 *     session (the other was removed and not yet replaced)
 * @param calleeProxy the proxy number the callee knows the session by, shown as the caller ID;
 *     {@code null} with {@code callee}
 * @param callbackUrl the session's own callback URL; {@code null} for the service's
 */
public record Route(
        SessionKey session,
        SessionId sessionId,
        ServiceId service,
        SessionMode mode,
        VoiceOverrides voice,
        ParticipantId caller,
        ParticipantId calleeId,
        PhoneNumber callee,
        PhoneNumber calleeProxy,
        URI callbackUrl) {

    /** Whether there is someone to put the caller through to. */
    public boolean hasCallee() {
        return callee != null;
    }
}
