package org.callmask.session;

/** The session has no participant with the id asked for. */
public final class ParticipantNotFound extends RuntimeException {

    public ParticipantNotFound() {
        super("No such participant");
    }
}
