package org.callmask.api;

/** A request to the admin API that cannot be carried out as sent; the message says why. */
final class InvalidRequest extends RuntimeException {

    InvalidRequest(String message) {
        super(message);
    }
}
