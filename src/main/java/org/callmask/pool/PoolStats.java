package org.callmask.pool;

/**
 * The pool at a glance.
 *
 * @param numbers numbers that can be allocated
 * @param inUse numbers with at least one active route
 * @param busiestRoutes active routes on the busiest number
 */
public record PoolStats(long numbers, long inUse, long busiestRoutes) {

    /** Numbers without any active route. */
    public long free() {
        return numbers - inUse;
    }
}
