package org.callmask.events;

import org.callmask.core.PublicId;

/** An event's public id: {@code evt_} and 32 hex digits. */
public record EventId(String value) {

    static final String PREFIX = "evt";

    public EventId {
        PublicId.require(PREFIX, value);
    }

    static EventId random() {
        return new EventId(PublicId.next(PREFIX));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
