package org.callmask.session;

import org.callmask.core.PublicId;

/** A session's public id: {@code ses_} and 32 hex digits. */
public record SessionId(String value) {

    static final String PREFIX = "ses";

    public SessionId {
        PublicId.require(PREFIX, value);
    }

    static SessionId random() {
        return new SessionId(PublicId.next(PREFIX));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
