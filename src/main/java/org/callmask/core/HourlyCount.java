package org.callmask.core;

import java.time.Instant;

/**
 * How many of something happened in one hour, for the console's charts.
 *
 * @param hour the start of the hour
 * @param kind what was counted, such as {@code opened} or an outcome; {@code null} when one kind
 */
public record HourlyCount(Instant hour, String kind, long count) {

    public static final long HOUR_MILLIS = 3_600_000L;
}
