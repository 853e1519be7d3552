package org.callmask.interaction;

import java.time.Instant;
import java.util.Optional;
import org.callmask.session.SessionId;

/** What a listing of a service's interactions is narrowed to; every part optional. */
public record InteractionFilter(
        Optional<SessionId> sessionId,
        Optional<InteractionType> type,
        Optional<Outcome> outcome,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore) {

    public static InteractionFilter ofSession(SessionId session) {
        return new InteractionFilter(
                Optional.of(session), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
