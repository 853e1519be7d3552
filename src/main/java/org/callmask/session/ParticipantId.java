package org.callmask.session;

import org.callmask.core.PublicId;

/** A participant's public id: {@code par_} and 32 hex digits. */
public record ParticipantId(String value) {

    static final String PREFIX = "par";

    public ParticipantId {
        PublicId.require(PREFIX, value);
    }

    static ParticipantId random() {
        return new ParticipantId(PublicId.next(PREFIX));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
