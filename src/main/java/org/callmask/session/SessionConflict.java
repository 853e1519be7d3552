package org.callmask.session;

/** A change that the session's present state does not allow. Nothing was changed. */
public final class SessionConflict extends RuntimeException {

    /** What stands in the way. */
    public enum Reason {
        /** An open session of the service has the unique name, with other participants. */
        UNIQUE_NAME_TAKEN,
        /** The session is closed. */
        CLOSED,
        /** The session already has two active participants. */
        PARTICIPANT_LIMIT,
        /** The number already takes part in the session. */
        DUPLICATE_PARTICIPANT,
        /** The session's absolute end has passed, so it cannot be re-opened without a new one. */
        EXPIRES_AT_PASSED,
        /** The service has open sessions, so it cannot be deleted. */
        SERVICE_HAS_OPEN_SESSIONS
    }

    private final Reason reason;

    SessionConflict(Reason reason) {
        super("Session conflict: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
