package org.callmask.session;

import org.callmask.core.PhoneNumber;

/**
 * A pool number was asked to be a participant, or a participant's number to join the pool. Either
 * would make a proxy number route to itself, or a person's phone receive other people's calls.
 */
public final class PoolNumberAsParticipant extends IllegalArgumentException {

    private final transient PhoneNumber number;
    private final boolean alreadyInPool;

    PoolNumberAsParticipant(PhoneNumber number, boolean alreadyInPool) {
        super(
                alreadyInPool
                        ? number.redacted() + " is a pool number"
                        : number.redacted() + " is a participant of an active mask");
        this.number = number;
        this.alreadyInPool = alreadyInPool;
    }

    /** The number, as the caller sent it. */
    public PhoneNumber number() {
        return number;
    }

    /** True when the number is in the pool; false when it is an active participant's. */
    public boolean alreadyInPool() {
        return alreadyInPool;
    }
}
