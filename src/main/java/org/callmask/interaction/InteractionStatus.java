package org.callmask.interaction;

import java.util.Arrays;
import java.util.Optional;

/**
 * The statuses an interaction goes through, as status callbacks report them. Callbacks may arrive
 * late, twice or out of order: an interaction's status only moves forward (by rank), while its
 * history keeps every status reported once.
 */
public enum InteractionStatus {
    RINGING(InteractionType.CALL, "ringing", 1),
    ANSWERED(InteractionType.CALL, "answered", 2),
    ENDED(InteractionType.CALL, "ended", 3),
    QUEUED(InteractionType.MESSAGE, "queued", 1),
    SENT(InteractionType.MESSAGE, "sent", 2),
    DELIVERED(InteractionType.MESSAGE, "delivered", 3),
    UNDELIVERED(InteractionType.MESSAGE, "undelivered", 3),
    FAILED(InteractionType.MESSAGE, "failed", 3);

    private final InteractionType type;
    private final String wire;
    private final int rank;

    InteractionStatus(InteractionType type, String wire, int rank) {
        this.type = type;
        this.wire = wire;
        this.rank = rank;
    }

    public InteractionType type() {
        return type;
    }

    /** The name the API and the database use. */
    public String wire() {
        return wire;
    }

    /** Whether this status may replace {@code current} (null: none yet). */
    boolean supersedes(InteractionStatus current) {
        return current == null || rank > current.rank;
    }

    public static Optional<InteractionStatus> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
