package org.callmask.signalwire;

import java.net.URI;
import java.net.URISyntaxException;
import org.callmask.core.PhoneNumber;

/**
 * A number of the SignalWire project, with where its calls and messages go.
 *
 * @param id SignalWire's id for it, which its REST paths take
 * @param callHandler such as {@code relay_script} (a SWML URL) or {@code laml_webhooks}; {@code
 *     null} when none is set
 * @param callUrl the SWML URL when the call handler is {@code relay_script}
 * @param messageHandler such as {@code laml_webhooks}
 * @param messageUrl the URL messages are posted to when the handler is {@code laml_webhooks}
 */
public record ProjectNumber(
        String id, PhoneNumber number, String callHandler, String callUrl, String messageHandler, String messageUrl) {

    /** The call URL as it may be shown: without the user name and password a URL can carry. */
    public String shownCallUrl() {
        return withoutCredentials(callUrl);
    }

    /** The message URL as it may be shown: without the user name and password a URL can carry. */
    public String shownMessageUrl() {
        return withoutCredentials(messageUrl);
    }

    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            // Not a URL this can take apart: show nothing of it rather than a secret.
            return "(unreadable URL)";
        }
    }
}
