package org.callmask.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the seed's API wrote values, kept so its clients keep parsing them. */
final class SeedFormat {

    /** UTC, whole seconds, no zone: {@code 2024-04-03 19:25:31}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static final String OK = "OK";

    private SeedFormat() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
