package org.callmask.session;

/** A session's row key, as the database assigns it: internal, never shown; the public id is {@link SessionId}. */
public record SessionKey(long value) {

    public SessionKey {
        if (value < 1) {
            throw new IllegalArgumentException("value must be positive, was " + value);
        }
    }
}
