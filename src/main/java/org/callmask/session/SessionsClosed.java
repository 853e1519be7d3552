package org.callmask.session;

import java.util.List;

/** Sessions were closed for one reason; published inside the transaction that closed them. */
record SessionsClosed(CloseReason reason, List<SessionKey> sessions) {

    SessionsClosed {
        sessions = List.copyOf(sessions);
    }
}
