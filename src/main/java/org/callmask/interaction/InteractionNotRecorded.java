package org.callmask.interaction;

/** A contact could not be put on record in time: the store was unreachable, busy or behind. */
public class InteractionNotRecorded extends RuntimeException {

    InteractionNotRecorded(String why, Throwable cause) {
        super(why, cause);
    }
}
