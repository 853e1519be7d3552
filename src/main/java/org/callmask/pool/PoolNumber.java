package org.callmask.pool;

import org.callmask.core.PhoneNumber;

/**
 * A number in the pool as allocation sees it.
 *
 * @param number the proxy number
 * @param activeRoutes how many active routes use it now
 */
public record PoolNumber(PhoneNumber number, int activeRoutes) {}
