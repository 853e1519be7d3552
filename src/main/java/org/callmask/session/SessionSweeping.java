package org.callmask.session;

import org.springframework.stereotype.Component;

/**
 * Closes sessions whose lifetime ran out and deletes closed ones past retention, in batches. Safe
 * on several instances at once: each session is closed, and its routes released, once.
 */
@Component
class SessionSweeping {

    private final SessionRepository repository;
    private final SessionClosing closing;
    private final SessionProperties properties;
    private final RetentionProperties retention;

    SessionSweeping(
            SessionRepository repository,
            SessionClosing closing,
            SessionProperties properties,
            RetentionProperties retention) {
        this.repository = repository;
        this.closing = closing;
        this.properties = properties;
        this.retention = retention;
    }

    /** Closes one batch of expired sessions; returns how many this call closed. */
    int sweepExpiredBatch() {
        return closing.inTransaction(now -> closing.closeAndRelease(
                repository.dueSessions(now, properties.sweepBatch()), CloseReason.EXPIRED, now));
    }

    /** Closes expired sessions, batch after batch, until none is left; returns how many. */
    int sweepExpired() {
        int total = 0;
        int closed;
        do {
            closed = sweepExpiredBatch();
            total += closed;
        } while (closed >= properties.sweepBatch());
        return total;
    }

    /** Deletes closed masks, with their participants, once past retention; returns how many. */
    int purgeHistory() {
        int total = 0;
        int deleted;
        do {
            deleted = closing.inTransaction(now ->
                    repository.purgeClosedBefore(now.minus(retention.closedSessions()), properties.sweepBatch()));
            total += deleted;
        } while (deleted >= properties.sweepBatch());
        return total;
    }
}
