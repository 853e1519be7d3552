package org.callmask.session;

/**
 * Opening a mask kept losing races to concurrent requests for the same numbers and gave up; the
 * client may retry. Nothing was changed.
 */
public final class AllocationContended extends RuntimeException {

    AllocationContended(int attempts, Throwable last) {
        super("Could not open the mask after " + attempts + " attempts under contention; retry", last);
    }
}
