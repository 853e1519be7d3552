package org.callmask.pool;

import org.callmask.core.PhoneNumber;

/**
 * Routes to count on a pool number.
 *
 * @param routes how many new routes the number carries
 * @param explicit the number was asked for by number, which a reservation allows
 */
public record RouteClaim(PhoneNumber number, int routes, boolean explicit) {}
