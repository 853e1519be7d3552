package org.callmask.core;

import java.security.Principal;
import java.util.regex.Pattern;

/**
 * A person logged in to operate CallMask, as audit lines name them: the name they gave, and which
 * credential let them in (the short fingerprint of an admin API key, or the local operator's
 * machine), so a name typed at login is never the only trace.
 *
 * @param name 1 to {@link #MAX_NAME} printable characters: no controls, line or paragraph
 *     separators, or invisible formatting (bidirectional marks), which could forge or hide audit
 *     text
 * @param credential such as {@code key 1a2b3c4d} or {@code local operator}
 */
public record Operator(String name, String credential) implements Principal {

    public static final int MAX_NAME = 60;

    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}\\p{Cn}]+");

    public Operator {
        if (!acceptable(name)) {
            throw new IllegalArgumentException("An operator's name is 1 to " + MAX_NAME + " printable characters");
        }
    }

    /** Whether this name, as given, would be accepted. */
    public static boolean acceptable(String name) {
        return name != null
                && !name.isBlank()
                && name.codePointCount(0, name.length()) <= MAX_NAME
                && PRINTABLE.matcher(name).matches()
                && name.equals(name.strip());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
