package org.callmask.session;

import org.callmask.core.PhoneNumber;

/** A pool number that active masks still use was asked to be removed without {@code force}. */
public final class NumberInUse extends RuntimeException {

    private final PhoneNumber number;
    private final int activeMasks;

    NumberInUse(PhoneNumber number, int activeMasks) {
        super(number.e164() + " is used by " + activeMasks + (activeMasks == 1 ? " active mask" : " active masks"));
        this.number = number;
        this.activeMasks = activeMasks;
    }

    public PhoneNumber number() {
        return number;
    }

    public int activeMasks() {
        return activeMasks;
    }
}
