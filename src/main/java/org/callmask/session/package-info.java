/**
 * Sessions and their participants: the seed's masks (two participants sharing one pool number)
 * and v1 sessions (each participant with its own proxy number). Allocation under the
 * number-reuse rule and a service's rules ({@code MaskAllocation}, {@code ParticipantAllocation}),
 * the life of a session ({@code SessionLifecycle}, {@code SessionClosing}), the routes the
 * webhooks look up, the interaction marks that keep sliding lifetimes moving, and the expiry
 * sweeper. Owns the {@code session} and {@code participant} tables. Entry point: {@link
 * org.callmask.session.Sessions}.
 */
@ApplicationModule(allowedDependencies = {"core", "pool", "service", "system"})
package org.callmask.session;

import org.springframework.modulith.ApplicationModule;
