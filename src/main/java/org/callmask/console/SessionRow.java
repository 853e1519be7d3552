package org.callmask.console;

import java.time.Instant;
import java.util.List;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;

/** A session as the console lists it: pool numbers in full, participants' numbers never. */
public record SessionRow(
        String id,
        String uniqueName,
        String mode,
        String status,
        String closedReason,
        Instant createdAt,
        Instant lastInteractionAt,
        Instant expiresAt,
        Instant closedAt,
        int activeParticipants,
        List<String> proxyNumbers) {

    static SessionRow of(ProxySession s) {
        return new SessionRow(
                s.id().value(),
                s.uniqueName(),
                s.mode().wire(),
                s.status().wire(),
                s.closedReason() == null ? null : s.closedReason().wire(),
                s.createdAt(),
                s.lastInteractionAt(),
                s.expiresAt(),
                s.closedAt(),
                s.activeParticipants().size(),
                s.activeParticipants().stream()
                        .map(Participant::proxyNumber)
                        .map(p -> p.e164())
                        .distinct()
                        .toList());
    }
}
