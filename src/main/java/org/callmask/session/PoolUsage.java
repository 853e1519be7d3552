package org.callmask.session;

import org.callmask.core.PhoneNumber;

/**
 * A pool number and how many active masks use it.
 *
 * @param activeMasks open sessions within their lifetime that route through the number
 */
public record PoolUsage(PhoneNumber number, int activeMasks) {}
