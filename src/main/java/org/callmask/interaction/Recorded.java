package org.callmask.interaction;

/**
 * An interaction just put on record.
 *
 * @param token the secret that authenticates its status callbacks: put it in their URL, never in
 *     a log; only its hash is stored
 */
public record Recorded(InteractionId id, String token) {

    @Override
    public String toString() {
        return "Recorded[id=" + id + ", token=•••]";
    }
}
