package org.callmask.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what clients may send.
 *
 * @param maxWebhookBody largest body accepted on the SignalWire webhooks; SignalWire's own are a
 *     few kilobytes
 * @param maxApiBody largest body accepted on the admin API, large enough to add thousands of pool
 *     numbers in one request
 */
@ConfigurationProperties("callmask.http")
public record HttpProperties(
        @DefaultValue("64KB") DataSize maxWebhookBody,
        @DefaultValue("1MB") DataSize maxApiBody) {

    public HttpProperties {
        if (maxWebhookBody.toBytes() < 1024 || maxApiBody.toBytes() < 1024) {
            throw new IllegalArgumentException("callmask.http body limits must be at least 1KB");
        }
        if (maxWebhookBody.toBytes() > Integer.MAX_VALUE / 2 || maxApiBody.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("callmask.http body limits must be below 1GB");
        }
    }
}
