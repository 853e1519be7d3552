package org.callmask.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateNetworks send to loopback, private and link-local addresses too: for tests
 *     and local development only, since a platform's URL could otherwise make CallMask reach
 *     whatever listens inside its own network
 */
@ConfigurationProperties("callmask.callbacks")
public record OutboundProperties(@DefaultValue("false") boolean allowPrivateNetworks) {}
