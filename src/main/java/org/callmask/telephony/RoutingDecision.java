package org.callmask.telephony;

import org.callmask.core.PhoneNumber;
import org.callmask.session.SessionId;

/** What to do with one inbound call or message. */
sealed interface RoutingDecision {

    /**
     * Put the caller through.
     *
     * @param from the proxy number the callee knows this mask by, presented as the caller ID
     * @param to the callee's real number
     */
    record Connect(SessionId sessionId, PhoneNumber from, PhoneNumber to) implements RoutingDecision {}

    /** Do not put anything through. */
    record Refuse(Reason reason) implements RoutingDecision {}

    /** Why nothing was put through; for logs and metrics, never shown to the caller. */
    enum Reason {
        /** The caller is not a participant of an active mask on the number dialled. */
        NO_ROUTE,
        /** The request did not carry a usable caller and proxy number. */
        MALFORMED,
        /** Something failed inside, such as an unreachable database. */
        FAILURE
    }
}
