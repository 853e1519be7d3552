package org.callmask.interaction;

/** A service already has a contact the platform started with this idempotency key. */
public class IdempotencyKeyUsed extends RuntimeException {

    public IdempotencyKeyUsed(String key) {
        super("A contact with this idempotency key exists");
    }
}
