package org.callmask.console;

import java.time.Instant;
import org.callmask.interaction.Interaction;

/** One call or message in a session's timeline; participants by id, as everywhere. */
public record InteractionRow(
        String id,
        String type,
        String origin,
        String from,
        String to,
        String outcome,
        String reason,
        String status,
        Integer durationSeconds,
        String endReason,
        Instant createdAt) {

    static InteractionRow of(Interaction i) {
        return new InteractionRow(
                i.id().value(),
                i.type().wire(),
                i.origin().wire(),
                i.from() == null ? null : i.from().value(),
                i.to() == null ? null : i.to().value(),
                i.outcome().wire(),
                i.reason(),
                i.status() == null ? null : i.status().wire(),
                i.durationSeconds(),
                i.endReason(),
                i.createdAt());
    }
}
