package org.callmask.session;

/** A mask was asked for with one number as both client and contractor. */
public final class SameNumberOnBothSides extends IllegalArgumentException {

    SameNumberOnBothSides() {
        super("A mask needs two different numbers");
    }
}
