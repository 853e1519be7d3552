package org.callmask.telephony;

import org.callmask.core.PhoneNumber;
import org.callmask.service.VoiceOptions;

/** What to do with one inbound call or message. */
sealed interface RoutingDecision {

    /**
     * Put the caller through: to the other participant, or (out of session) to the service's
     * forwarding number.
     *
     * @param from the proxy number the callee knows the session by, presented as the caller ID
     * @param to the callee's real number
     * @param voice how a call is put through; ignored for messages
     */
    record Connect(PhoneNumber from, PhoneNumber to, VoiceOptions voice) implements RoutingDecision {}

    /**
     * Do not put anything through. A call hears a message and is hung up; a message gets no answer.
     *
     * @param announcement what the caller hears; {@code null} for the configured refusal message
     */
    record Refuse(Reason reason, String announcement) implements RoutingDecision {

        Refuse(Reason reason) {
            this(reason, null);
        }
    }

    /**
     * Answer a message with a text of the service's, from the proxy number it was sent to.
     *
     * @param to the sender
     * @param from the proxy number
     * @param reason why the message was not put through
     */
    record Reply(PhoneNumber to, PhoneNumber from, String text, Reason reason) implements RoutingDecision {}

    /** Why the caller was not put through to another participant; never shown to the caller. */
    enum Reason {
        /** The caller is not a participant of an active session on the number dialled. */
        NO_ROUTE,
        /** The caller is in a session there, but its mode does not carry this kind of contact. */
        MODE,
        /** The caller is in a session there, but alone: the other participant was removed. */
        ALONE,
        /** The service's intercept hook answered 403. */
        BLOCKED,
        /** The service's intercept hook gave no verdict, and the service denies contacts then. */
        INTERCEPT_FAILED,
        /** The request did not carry a usable caller and proxy number. */
        MALFORMED,
        /** Something failed inside, such as an unreachable database. */
        FAILURE;

        /** The name the interaction log uses, such as {@code no-route}. */
        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
