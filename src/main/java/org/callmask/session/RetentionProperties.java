package org.callmask.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long history is kept.
 *
 * @param closedSessions how long a closed or expired mask, with its participants' real numbers, is
 *     kept after it closed; the sweeper then deletes it
 */
@ConfigurationProperties("callmask.retention")
public record RetentionProperties(@DefaultValue("30d") Duration closedSessions) {

    public RetentionProperties {
        if (closedSessions.isNegative() || closedSessions.isZero()) {
            throw new IllegalArgumentException(
                    "callmask.retention.closed-sessions must be positive, was " + closedSessions);
        }
    }
}
