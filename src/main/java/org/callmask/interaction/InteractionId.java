package org.callmask.interaction;

import java.time.Instant;
import org.callmask.core.PublicId;

/**
 * An interaction's public id: {@code int_} and 32 hex digits, the first 12 of them the time it was
 * made. The log grows by a row per call and text, and random ids spread its inserts over the whole
 * primary-key index, a page read and written per record once the index outgrows the cache; ids in
 * time order add at its end. The time they show is the record's {@code created_at}, which whoever
 * sees the id may read anyway, and the other 80 bits are random, so an id is still not guessed.
 */
public record InteractionId(String value) {

    static final String PREFIX = "int";

    public InteractionId {
        PublicId.require(PREFIX, value);
    }

    static InteractionId madeAt(Instant at) {
        return new InteractionId(PublicId.nextInTimeOrder(PREFIX, at.toEpochMilli()));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
