package org.callmask.signalwire;

import java.util.Locale;

/** A message or call the platform asked for cannot go through the session as it is. */
public class ContactRefused extends RuntimeException {

    /** Why not. */
    public enum Reason {
        /** The session is closed. */
        SESSION_CLOSED("The session is closed."),
        /** The session's mode does not carry this kind of contact. */
        MODE_NOT_ALLOWED("The session's mode does not carry this kind of contact."),
        /** The participant was removed from the session. */
        PARTICIPANT_REMOVED("The participant was removed from the session."),
        /** There is no other participant to connect the call to. */
        NO_OTHER_PARTICIPANT("The session has no other participant to connect the call to.");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    ContactRefused(Reason reason) {
        super(reason.description());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
