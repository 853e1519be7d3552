package org.callmask.session;

/**
 * No pool number is free for both participants of a new mask: each candidate already pairs one
 * of them with another active mask. Nothing was changed.
 */
public final class PoolExhausted extends RuntimeException {

    PoolExhausted(String redactedPair) {
        super("No pool number is free for " + redactedPair);
    }
}
