package org.callmask.console;

import java.time.Instant;
import org.callmask.session.Participant;

/** A participant as a page shows it before a reveal: the number redacted, as in the logs. */
public record ParticipantRow(
        String id, String name, String redactedNumber, String proxyNumber, Instant joinedAt, Instant removedAt) {

    static ParticipantRow of(Participant p) {
        return new ParticipantRow(
                p.id().value(), p.name(), p.number().redacted(), p.proxyNumber().e164(), p.createdAt(), p.removedAt());
    }
}
