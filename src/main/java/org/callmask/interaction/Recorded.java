package org.callmask.interaction;

/**
 * An interaction just put on record.
 *
 * @param token the secret that authenticates its status callbacks: put it in their URL, never in
 *     a log; only its hash is stored
 * @param connectToken for a call the platform started, the secret of the URL that connects it to
 *     the other participant once the first answers, and of that second leg's status callbacks;
 *     null for other interactions
 */
public record Recorded(InteractionId id, String token, String connectToken) {

    public Recorded(InteractionId id, String token) {
        this(id, token, null);
    }

    @Override
    public String toString() {
        return "Recorded[id=" + id + ", token=•••]";
    }
}
