package org.callmask.interaction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param storeContent keep the text and media URLs of messages that were put through; refused
 *     ones are never kept
 * @param writeTimeout how long a status callback that arrives before its interaction's record is
 *     committed waits for it
 * @param commitInterval the least time between two of the writer's commits
 */
@ConfigurationProperties("callmask.interactions")
public record InteractionProperties(
        @DefaultValue("false") boolean storeContent,
        @DefaultValue("2s") Duration writeTimeout,
        @DefaultValue("50ms") Duration commitInterval) {

    public InteractionProperties {
        if (writeTimeout.isZero() || writeTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "callmask.interactions.write-timeout must be positive, was " + writeTimeout);
        }
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "callmask.interactions.commit-interval must not be negative, was " + commitInterval);
        }
    }
}
