package org.callmask.session;

import org.callmask.core.PhoneNumber;

/** A pool number that active masks still use was asked to be removed without {@code force}. */
public final class NumberInUse extends RuntimeException {

    private final PhoneNumber number;
    private final int activeMasks;

    NumberInUse(PhoneNumber number, int activeMasks) {
        super(number.e164() + " is used by " + activeMasks + " active mask" + (activeMasks == 1 ? "" : "s")
                + "; delete them first, or add ?force=true to close them and remove the number");
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
