package org.callmask.session;

import java.time.Duration;
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

    public SessionProperties {
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("callmask.session.default-ttl must be positive, was " + defaultTtl);
        }
        if (maxTtl.compareTo(defaultTtl) < 0) {
            throw new IllegalArgumentException("callmask.session.max-ttl (" + maxTtl
                    + ") must be at least callmask.session.default-ttl (" + defaultTtl + ")");
        }
        if (sweepInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "callmask.session.sweep-interval must be at least 100ms, was " + sweepInterval);
        }
        if (sweepBatch < 1 || sweepBatch > 10_000) {
            throw new IllegalArgumentException(
                    "callmask.session.sweep-batch must be between 1 and 10000, was " + sweepBatch);
        }
    }
}
