/**
 * The pool of proxy numbers: SignalWire numbers we own and point at our webhooks. Owns the
 * {@code pool_number} table, including each number's count of active routes that allocation
 * uses to pick the least-loaded number. Entry point: {@link org.callmask.pool.NumberPool}.
 */
@ApplicationModule(allowedDependencies = {"core", "system"})
package org.callmask.pool;

import org.springframework.modulith.ApplicationModule;
