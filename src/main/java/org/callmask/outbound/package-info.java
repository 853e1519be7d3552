/**
 * Requests CallMask itself sends to URLs a platform configured (event callbacks, the intercept
 * hook, out-of-session callbacks): every one signed with the service's secret, with a short
 * timeout, never following redirects, and never to a loopback, private, link-local or otherwise
 * internal address unless {@code callmask.callbacks.allow-private-networks} is on. Entry point:
 * {@link org.callmask.outbound.OutboundHttp}.
 */
@ApplicationModule(allowedDependencies = {"core", "system"})
package org.callmask.outbound;

import org.springframework.modulith.ApplicationModule;
