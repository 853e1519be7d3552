package org.callmask.interaction;

import org.callmask.core.PublicId;

/** An interaction's public id: {@code int_} and 32 hex digits. */
public record InteractionId(String value) {

    static final String PREFIX = "int";

    public InteractionId {
        PublicId.require(PREFIX, value);
    }

    static InteractionId random() {
        return new InteractionId(PublicId.next(PREFIX));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
