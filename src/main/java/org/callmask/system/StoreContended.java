package org.callmask.system;

/**
 * A unit of work kept losing races to concurrent requests for the same numbers (or locks) and gave
 * up; the client may retry. Nothing was changed.
 */
public final class StoreContended extends RuntimeException {

    public StoreContended(int attempts, Throwable last) {
        super("Gave up after " + attempts + " attempts that lost races to concurrent requests; retry", last);
    }
}
