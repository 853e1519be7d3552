package org.callmask.session;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long sessions live and how they are swept.
 *
 * @param defaultTtl lifetime of a session opened without {@code ttl_seconds}
 * @param maxTtl the longest lifetime a client may ask for
 * @param sweepInterval how often each instance closes expired sessions and releases their routes
 * @param sweepBatch how many sessions one sweeper transaction closes at most, so a large backlog
 *     never holds the write lock for long
 */
@ConfigurationProperties("callmask.session")
public record SessionProperties(
        @DefaultValue("24h") Duration defaultTtl,
        @DefaultValue("30d") Duration maxTtl,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch) {

    private static final List<Unit> UNITS = List.of(
            new Unit("d", Duration.ofDays(1)),
            new Unit("h", Duration.ofHours(1)),
            new Unit("m", Duration.ofMinutes(1)),
            new Unit("s", Duration.ofSeconds(1)),
            new Unit("ms", Duration.ofMillis(1)),
            new Unit("us", Duration.ofNanos(1_000)),
            new Unit("ns", Duration.ofNanos(1)));

    public SessionProperties {
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException(
                    "callmask.session.default-ttl must be positive, was " + written(defaultTtl));
        }
        if (defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("callmask.session.default-ttl (" + written(defaultTtl)
                    + ") must not be longer than callmask.session.max-ttl (" + written(maxTtl) + ")");
        }
        if (sweepInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "callmask.session.sweep-interval must be at least 100ms, was " + written(sweepInterval));
        }
        if (sweepBatch < 1 || sweepBatch > 10_000) {
            throw new IllegalArgumentException(
                    "callmask.session.sweep-batch must be between 1 and 10000, was " + sweepBatch);
        }
    }

    /**
     * A duration as it is written in a property, in its largest whole unit ({@code 30d},
     * {@code 90s}): the ISO form {@code PT720H} is not what the user wrote.
     */
    private static String written(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        BigInteger nanos = BigInteger.valueOf(duration.getSeconds())
                .multiply(BigInteger.valueOf(1_000_000_000))
                .add(BigInteger.valueOf(duration.getNano()));
        for (Unit unit : UNITS) {
            BigInteger[] quotientAndRemainder = nanos.divideAndRemainder(unit.nanos());
            if (quotientAndRemainder[1].signum() == 0) {
                return quotientAndRemainder[0] + unit.suffix();
            }
        }
        throw new IllegalStateException("Every duration is a whole number of nanoseconds");
    }

    private record Unit(String suffix, BigInteger nanos) {

        Unit(String suffix, Duration length) {
            this(suffix, BigInteger.valueOf(length.toNanos()));
        }
    }
}
