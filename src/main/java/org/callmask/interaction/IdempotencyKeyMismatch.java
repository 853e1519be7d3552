package org.callmask.interaction;

/** An idempotency key the service has seen with another request: another contact, or other content. */
public class IdempotencyKeyMismatch extends RuntimeException {

    public IdempotencyKeyMismatch() {
        super("This idempotency key came with a different request before");
    }
}
