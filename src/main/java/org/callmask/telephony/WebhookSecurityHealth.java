package org.callmask.telephony;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Says in the health details whether webhook signatures are checked, so an operator sees it. */
@Component("webhookSignatures")
class WebhookSecurityHealth implements HealthIndicator {

    private final WebhookSecurityProperties properties;

    WebhookSecurityHealth(WebhookSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (properties.checksSignatures()) {
            return Health.up().withDetail("checked", true).build();
        }
        return Health.up()
                .withDetail("checked", false)
                .withDetail("warning", "Webhook signatures are not checked: set CALLMASK_SIGNALWIRE_SIGNING_KEY")
                .build();
    }
}
