/**
 * The pools of proxy numbers, one per service: SignalWire numbers we own and point at our
 * webhooks, with their capabilities, reservation, capacity and geography. Owns the
 * {@code pool_number} table, including each number's count of active routes that allocation
 * uses to pick the least-loaded number. Entry point: {@link org.callmask.pool.NumberPool}.
 */
@ApplicationModule(allowedDependencies = {"core", "service", "system"})
package org.callmask.pool;

import org.springframework.modulith.ApplicationModule;
