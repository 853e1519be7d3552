package org.callmask.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callmask.system.StoreErrors;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records that calls and texts went through sessions: the session turns {@code in-progress} and
 * its sliding lifetime starts again. Routing must answer without waiting for a write, so marks are
 * gathered in memory and written together a few times a second, in one transaction. A mark lost
 * in a crash costs a session at most that fraction of a second of its lifetime.
 */
@Component
class InteractionMarks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InteractionMarks.class);

    private final SessionRows sessions;
    private final Transactions transactions;
    private final Duration interval;
    private final Map<SessionKey, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService writer;

    InteractionMarks(
            SessionRows sessions,
            Transactions transactions,
            @Value("${callmask.session.interaction-flush:250ms}") Duration interval) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.interval = interval;
    }

    // Its own thread rather than the shared scheduler: the shared one pauses when the context
    // stops, and a write queued on it then holds shutdown until its await period runs out.
    @Override
    public synchronized void start() {
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "interaction-marks");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the writer and writes what is left, before the data source closes. */
    @Override
    public synchronized void stop() {
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
            flush();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return writer != null;
    }

    void mark(SessionKey session, Instant at) {
        pending.merge(session, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        // In key order, so instances writing overlapping batches never deadlock.
        Map<SessionKey, Instant> batch = new TreeMap<>(Comparator.comparingLong(SessionKey::value));
        for (SessionKey key : pending.keySet()) {
            Instant at = pending.remove(key);
            if (at != null) {
                batch.put(key, at);
            }
        }
        try {
            transactions.write(status -> {
                sessions.interacted(batch);
                return null;
            });
        } catch (RuntimeException e) {
            // Put them back for the next round rather than lose them to a busy store.
            batch.forEach(this::mark);
            log.warn("Recording {} interactions failed, will retry: {}", batch.size(), StoreErrors.describe(e));
        }
    }
}
