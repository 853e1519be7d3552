package org.callmask.pool;

import org.callmask.core.PhoneNumber;

/** A number asked to join one service's pool already belongs to another's. */
public class NumberInAnotherService extends RuntimeException {

    private final PhoneNumber number;

    NumberInAnotherService(PhoneNumber number) {
        super("Number " + number.redacted() + " belongs to another service");
        this.number = number;
    }

    public PhoneNumber number() {
        return number;
    }
}
