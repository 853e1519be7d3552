package org.callmask.telephony;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout how long a webhook waits for the service's intercept hook before the service's
 *     {@code intercept_on_failure} decides. At most {@link #MAX_TIMEOUT}: the webhook still has to
 *     answer within SignalWire's fetch timeout of about 5 seconds
 */
@ConfigurationProperties("callmask.intercept")
public record InterceptProperties(@DefaultValue("1s") Duration timeout) {

    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(4);

    public InterceptProperties {
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("callmask.intercept.timeout must be positive and at most "
                    + MAX_TIMEOUT.toSeconds() + "s, was " + timeout);
        }
    }
}
