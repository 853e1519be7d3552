package org.callmask.service;

import java.net.URI;
import org.callmask.core.PhoneNumber;

/**
 * What happens to a call or text to one of the service's numbers that no active session routes:
 * a stranger, a participant whose session closed, or a mode the session does not allow.
 */
public record OutOfSession(CallPolicy call, MessagePolicy message) {

    public static final int MAX_TEXT = 500;

    /** Calls hear the configured refusal message; texts get no answer. */
    public static final OutOfSession DEFAULTS = new OutOfSession(new Announce(null), new Drop());

    /** What a call gets. */
    public sealed interface CallPolicy {}

    /**
     * Answer, say a message, hang up.
     *
     * @param message what is said; {@code null} for the service-wide refusal message
     */
    public record Announce(String message) implements CallPolicy {
        public Announce {
            if (message != null) {
                SpokenText.check("out_of_session.call.message", message, MAX_TEXT);
            }
        }
    }

    /** Connect the caller to a fixed number (a support line), showing the proxy number. */
    public record Forward(PhoneNumber to) implements CallPolicy {}

    /**
     * Ask the platform what to do; when it has no answer (204, a failure, a timeout), do what
     * {@code fallback} says.
     */
    public record CallCallback(URI url, CallPolicy fallback) implements CallPolicy {
        public CallCallback {
            if (url == null || fallback == null || fallback instanceof CallCallback) {
                throw new IllegalArgumentException("A callback needs a URL and an announce or forward fallback");
            }
        }
    }

    /** What a text gets. */
    public sealed interface MessagePolicy {}

    /** Nothing: the sender learns nothing, not even that the number is a proxy. */
    public record Drop() implements MessagePolicy {}

    /** Ask the platform what to do; when it has no answer, do what {@code fallback} says. */
    public record MessageCallback(URI url, MessagePolicy fallback) implements MessagePolicy {
        public MessageCallback {
            if (url == null || fallback == null || fallback instanceof MessageCallback) {
                throw new IllegalArgumentException("A callback needs a URL and a drop or reply fallback");
            }
        }
    }

    /** A text back to the sender from the proxy number. */
    public record Reply(String text) implements MessagePolicy {
        public Reply {
            SpokenText.check("out_of_session.message.text", text, MAX_TEXT);
        }
    }
}
