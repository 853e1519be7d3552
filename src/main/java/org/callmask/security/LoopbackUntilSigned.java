package org.callmask.security;

import java.net.InetAddress;
import org.callmask.telephony.WebhookGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * While no Signing Key is set, the webhooks tell anyone who asks where a proxy number routes, so
 * the service then listens on the loopback interface only, unless {@code server.address} says
 * otherwise (an empty value, as a compose file writes for an unset variable, counts as unset). The
 * local tour, and a tunnel on this machine, still reach it; the network does not.
 */
@Component
class LoopbackUntilSigned implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(LoopbackUntilSigned.class);

    private final WebhookGuard webhooks;
    private final Environment environment;

    LoopbackUntilSigned(WebhookGuard webhooks, Environment environment) {
        this.webhooks = webhooks;
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (webhooks.checksSignatures() || StringUtils.hasText(environment.getProperty("server.address"))) {
            return;
        }
        factory.setAddress(InetAddress.getLoopbackAddress());
        log.warn(
                "Listening on {} only, since no Signing Key is set and unsigned webhooks would tell anyone on the "
                        + "network where a proxy number routes. Set CALLMASK_SIGNALWIRE_SIGNING_KEY, or SERVER_ADDRESS "
                        + "to choose the interface yourself.",
                InetAddress.getLoopbackAddress().getHostAddress());
    }
}
