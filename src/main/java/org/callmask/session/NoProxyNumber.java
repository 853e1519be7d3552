package org.callmask.session;

import org.callmask.pool.Shortage;

/** No pool number can be given to a participant; {@link #shortage()} says which rule none meets. */
public final class NoProxyNumber extends RuntimeException {

    private final Shortage shortage;

    NoProxyNumber(Shortage shortage) {
        super("No proxy number: " + shortage.wire());
        this.shortage = shortage;
    }

    public Shortage shortage() {
        return shortage;
    }
}
