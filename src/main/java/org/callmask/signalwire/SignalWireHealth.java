package org.callmask.signalwire;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says in the health details whether CallMask can call SignalWire's REST API, and whether it has
 * stopped calling it for a while. Always up: webhooks route without the REST API, so an outage
 * there must not take instances out of a load balancer.
 */
@Component("signalwire")
class SignalWireHealth implements HealthIndicator {

    private final SignalWireClient client;
    private final CallbackAddress address;

    SignalWireHealth(SignalWireClient client, CallbackAddress address) {
        this.client = client;
        this.address = address;
    }

    @Override
    public Health health() {
        try {
            address.requireReady();
        } catch (SignalWireNotConfigured e) {
            return Health.up()
                    .withDetail("configured", false)
                    .withDetail("missing", e.missing())
                    .build();
        }
        return Health.up()
                .withDetail("configured", true)
                .withDetail("circuit", client.circuitOpen() ? "open" : "closed")
                .build();
    }
}
