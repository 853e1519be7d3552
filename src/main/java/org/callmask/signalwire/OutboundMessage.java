package org.callmask.signalwire;

import java.net.URI;
import java.util.List;
import org.callmask.session.ParticipantId;

/**
 * A message the platform sends to a participant, from the proxy number that participant knows the
 * session by.
 *
 * @param body the text; {@code null} for media alone
 * @param mediaUrls http(s) URLs SignalWire fetches and sends, at most {@link #MAX_MEDIA}
 */
public record OutboundMessage(ParticipantId to, String body, List<URI> mediaUrls) {

    /** SignalWire's limit on media per message. */
    public static final int MAX_MEDIA = 8;

    /** SignalWire's limit on a message's text. */
    public static final int MAX_BODY = 1600;

    public OutboundMessage {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        if (to == null) {
            throw new IllegalArgumentException("A message needs a recipient");
        }
        if ((body == null || body.isEmpty()) && mediaUrls.isEmpty()) {
            throw new IllegalArgumentException("A message needs a body or media");
        }
        if (body != null && body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A message's body is at most " + MAX_BODY + " characters");
        }
        if (mediaUrls.size() > MAX_MEDIA) {
            throw new IllegalArgumentException("A message carries at most " + MAX_MEDIA + " media URLs");
        }
    }
}
