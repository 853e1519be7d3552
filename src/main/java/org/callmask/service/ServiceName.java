package org.callmask.service;

import java.util.regex.Pattern;

/** The rule for a service's unique name: it appears in paths, so it stays to path-safe characters. */
public final class ServiceName {

    public static final int MAX_LENGTH = 100;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ServiceName() {}

    /** Why {@code name} cannot be a service's unique name, or {@code null} if it can. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "must not be empty";
        }
        if (!SHAPE.matcher(name).matches()) {
            return "must be 1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit";
        }
        if (ServiceId.looksLikeOne(name)) {
            return "must not look like a service id";
        }
        return null;
    }
}
