package org.callmask.session;

import java.util.List;

/**
 * Closed sessions past retention are being deleted; published inside the transaction that deletes
 * them, before it does, so that what other features keep of them goes in the same transaction.
 */
public record SessionsPurged(List<SessionKey> sessions) {

    public SessionsPurged {
        sessions = List.copyOf(sessions);
    }
}
