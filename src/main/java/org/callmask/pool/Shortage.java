package org.callmask.pool;

/** Why a pool has no number for a participant: the first constraint that no number meets. */
public enum Shortage {
    /** The service has no numbers at all. */
    POOL_EMPTY("pool-empty"),
    /** Every number is reserved. */
    ALL_NUMBERS_RESERVED("all-numbers-reserved"),
    /** No unreserved number can carry what the session's mode needs. */
    NO_NUMBER_WITH_CAPABILITY("no-number-with-capability"),
    /** None of those is in the participant's country. */
    NO_NUMBER_IN_COUNTRY("no-number-in-country"),
    /** None of those has the participant's area code. */
    NO_NUMBER_IN_AREA_CODE("no-number-in-area-code"),
    /** Numbers match, but each already pairs the participant, is full, or is cooling off. */
    ALL_NUMBERS_PAIRED("all-numbers-paired");

    private final String wire;

    Shortage(String wire) {
        this.wire = wire;
    }

    /** The problem type's name in the API. */
    public String wire() {
        return wire;
    }
}
