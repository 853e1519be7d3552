package org.callmask.pool;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a pool number can carry. Stored as bits, so allocation filters with one comparison. */
public enum Capability {
    VOICE("voice", 1),
    SMS("sms", 2),
    MMS("mms", 4);

    public static final Set<Capability> ALL = EnumSet.allOf(Capability.class);

    private final String wire;
    private final int bit;

    Capability(String wire, int bit) {
        this.wire = wire;
        this.bit = bit;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Capability> of(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }

    static int bits(Set<Capability> capabilities) {
        int bits = 0;
        for (Capability c : capabilities) {
            bits |= c.bit;
        }
        return bits;
    }

    static Set<Capability> fromBits(int bits) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (Capability c : values()) {
            if ((bits & c.bit) != 0) {
                out.add(c);
            }
        }
        return out;
    }
}
