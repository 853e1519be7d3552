package org.callmask.signalwire;

import java.util.List;

/** A feature needs settings that are not set: the SignalWire project's, or CallMask's public URL. */
public class SignalWireNotConfigured extends RuntimeException {

    private final List<String> missing;

    public SignalWireNotConfigured(List<String> missing) {
        super("Not configured: set " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The environment variables to set, such as {@code CALLMASK_SIGNALWIRE_API_TOKEN}. */
    public List<String> missing() {
        return missing;
    }
}
