package org.callmask.session;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes expired sessions and releases their routes, then deletes history past its retention, on
 * every instance. Routing never waits for it (the lookup checks expiry itself); it keeps the
 * pool's counts and the mask states current, and personal data no longer than promised.
 */
@Component
class ExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final Sessions sessions;
    private final SessionMetrics metrics;

    ExpirySweeper(Sessions sessions, SessionMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Scheduled(
            fixedDelayString = "${callmask.session.sweep-interval:30s}",
            initialDelayString = "${callmask.session.sweep-interval:30s}")
    void sweep() {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            int closed = sessions.sweepExpired();
            int purged = sessions.purgeHistory();
            if (closed > 0 || purged > 0) {
                log.info("Sweeper: {} expired masks closed, {} closed masks past retention deleted", closed, purged);
            }
            succeeded = true;
        } catch (RuntimeException e) {
            // The next run tries again; an unreachable database must not stop the schedule.
            // The type only: a driver's message may quote stored numbers.
            log.warn("Sweeper run failed: {}", e.getClass().getName());
        } finally {
            metrics.sweepTook(Duration.ofNanos(System.nanoTime() - started), succeeded);
        }
    }
}
