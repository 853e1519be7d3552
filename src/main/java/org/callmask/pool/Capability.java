package org.callmask.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a pool number can carry, stored as bits. */
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

    /** Every stored value with at least {@code wanted}: the filter lists them rather than masks them. */
    static List<Integer> setsWith(Set<Capability> wanted) {
        int bits = bits(wanted);
        List<Integer> sets = new ArrayList<>();
        for (int stored = 0; stored <= bits(ALL); stored++) {
            if ((stored & bits) == bits) {
                sets.add(stored);
            }
        }
        return sets;
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
