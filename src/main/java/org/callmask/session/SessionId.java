package org.callmask.session;

/** A session's id, as the database assigns it. */
public record SessionId(long value) {

    public SessionId {
        if (value < 1) {
            throw new IllegalArgumentException("value must be positive, was " + value);
        }
    }
}
