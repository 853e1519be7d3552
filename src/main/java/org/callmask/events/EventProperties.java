package org.callmask.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are delivered.
 *
 * @param timeout for one delivery attempt, connection included
 * @param retryInitial the wait after the first failed attempt; each further failure doubles it
 * @param retryMax the longest wait between attempts
 * @param retryFor how long after it was written (or redelivered) an event is retried before it is
 *     marked failed
 * @param poll how often an idle relay looks for due events written by other instances
 * @param concurrency how many deliveries one instance makes at once (to different sessions)
 * @param retention how long delivered and failed events stay listed
 */
@ConfigurationProperties("callmask.events")
public record EventProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("1s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("1s") Duration poll,
        @DefaultValue("4") int concurrency,
        @DefaultValue("7d") Duration retention) {

    public EventProperties {
        positive("timeout", timeout);
        positive("retry-initial", retryInitial);
        positive("retry-max", retryMax);
        positive("retry-for", retryFor);
        positive("poll", poll);
        positive("retention", retention);
        if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("callmask.events.timeout must be at most 1m, was " + timeout);
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("callmask.events.retry-max must not be below retry-initial");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("callmask.events.concurrency must be 1 to 64, was " + concurrency);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("callmask.events." + name + " must be positive, was " + value);
        }
    }
}
