/**
 * Sessions (the seed's masks) and their participants: opening them on a pool number under the
 * number-reuse rule, the routes the webhooks look up, closing, and the expiry sweeper. Owns the
 * {@code session} and {@code participant} tables. Entry point: {@link org.callmask.session.Sessions}.
 */
@ApplicationModule(allowedDependencies = {"core", "pool", "service", "system"})
package org.callmask.session;

import org.springframework.modulith.ApplicationModule;
