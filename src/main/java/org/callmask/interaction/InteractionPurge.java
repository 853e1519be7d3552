package org.callmask.interaction;

import java.time.Clock;
import org.callmask.session.RetentionProperties;
import org.callmask.session.SessionsPurged;
import org.callmask.system.StoreErrors;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes interactions once the retention period has passed: those of a session with it, in the
 * transaction that purges the session, and those outside any session on their own schedule.
 */
@Component
class InteractionPurge {

    private static final Logger log = LoggerFactory.getLogger(InteractionPurge.class);

    private final InteractionRows rows;
    private final Transactions transactions;
    private final RetentionProperties retention;
    private final Clock clock;
    private final int batch;

    InteractionPurge(
            InteractionRows rows,
            Transactions transactions,
            RetentionProperties retention,
            Clock clock,
            @Value("${callmask.session.sweep-batch:500}") int batch) {
        this.rows = rows;
        this.transactions = transactions;
        this.retention = retention;
        this.clock = clock;
        this.batch = batch;
    }

    // On PostgreSQL no foreign key deletes them with their session any more (V11), so the purge
    // that deletes the session deletes them first, in its transaction, on both databases.
    @EventListener
    void sessionsPurged(SessionsPurged purged) {
        rows.deleteOfSessions(purged.sessions());
    }

    @Scheduled(
            fixedDelayString = "${callmask.session.sweep-interval:30s}",
            initialDelayString = "${callmask.session.sweep-interval:30s}")
    void purge() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("Purging old interactions failed: {}", StoreErrors.describe(e));
        }
    }

    /** @return how many were deleted */
    int purgeNow() {
        long cutoff = clock.instant().minus(retention.closedSessions()).toEpochMilli();
        int total = 0;
        int deleted;
        do {
            deleted = transactions.write(status -> rows.deleteOutsideSessions(cutoff, batch));
            total += deleted;
        } while (deleted == batch);
        if (total > 0) {
            log.info("{} interactions outside any session past retention deleted", total);
        }
        return total;
    }
}
