package org.callmask.interaction;

import java.util.Arrays;
import java.util.Optional;

/** What routing did with a contact. */
public enum Outcome {
    /** Put through to the session's other participant. */
    CONNECTED("connected"),
    /** Put through to the service's forwarding number, outside any session. */
    FORWARDED("forwarded"),
    /** Not put through: the reason says why. */
    REFUSED("refused"),
    /** Not put through because the platform's intercept hook said no. */
    BLOCKED("blocked");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    /** The name the API and the database use. */
    public String wire() {
        return wire;
    }

    public static Optional<Outcome> of(String wire) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
    }
}
