package org.callmask.session;

/** The service has no session with the id asked for (or it was purged). */
public final class SessionNotFound extends RuntimeException {

    public SessionNotFound() {
        super("No such session");
    }
}
