package org.callmask.session;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.callmask.pool.Capability;

/** What a session carries; the other kind gets the service's out-of-session treatment. */
public enum SessionMode {
    VOICE_AND_MESSAGE("voice-and-message", EnumSet.of(Capability.VOICE, Capability.SMS)),
    VOICE_ONLY("voice-only", EnumSet.of(Capability.VOICE)),
    MESSAGE_ONLY("message-only", EnumSet.of(Capability.SMS));

    private final String wire;
    private final Set<Capability> needs;

    SessionMode(String wire, Set<Capability> needs) {
        this.wire = wire;
        this.needs = needs;
    }

    public String wire() {
        return wire;
    }

    /** What a proxy number must carry to serve a session in this mode. */
    public Set<Capability> needs() {
        return needs;
    }

    public boolean allowsCalls() {
        return this != MESSAGE_ONLY;
    }

    public boolean allowsMessages() {
        return this != VOICE_ONLY;
    }

    public static Optional<SessionMode> of(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}
