package org.callmask.session;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    SessionSweeping(
            SessionRepository repository,
            SessionClosing closing,
            SessionProperties properties,
            RetentionProperties retention,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.closing = closing;
        this.properties = properties;
        this.retention = retention;
        this.events = events;
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

    /**
     * Deletes closed sessions, with their participants and whatever other features keep of them
     * ({@link SessionsPurged}), once past retention; returns how many.
     */
    int purgeHistory() {
        int total = 0;
        int deleted;
        do {
            deleted = closing.inTransaction(now -> {
                List<SessionKey> due =
                        repository.closedBefore(now.minus(retention.closedSessions()), properties.sweepBatch());
                if (due.isEmpty()) {
                    return 0;
                }
                events.publishEvent(new SessionsPurged(due));
                return repository.delete(due);
            });
            total += deleted;
        } while (deleted >= properties.sweepBatch());
        return total;
    }
}
