package org.callmask.interaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callmask.system.StoreErrors;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes interactions with group commit: each webhook hands its record over and answers at once,
 * and one writer thread commits whatever has gathered meanwhile in one transaction. The answer names
 * the record's status-callback URL before the record is committed; a status callback that arrives
 * sooner than the commit (SignalWire's first comes a ring later, commits take milliseconds) waits for
 * it on this instance ({@link #awaitWritten}).
 */
@Component
class InteractionWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InteractionWriter.class);

    /** Most records per transaction: bounds how long the writer holds SQLite's lock. */
    private static final int BATCH = 500;

    private final InteractionRows rows;
    private final InteractionEvents events;
    private final Transactions transactions;
    private final Duration wait;
    private final long interval;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(10_000);
    private volatile Thread writer;

    InteractionWriter(
            InteractionRows rows,
            InteractionEvents events,
            Transactions transactions,
            InteractionProperties properties) {
        this.rows = rows;
        this.events = events;
        this.transactions = transactions;
        this.wait = properties.writeTimeout();
        this.interval = properties.commitInterval().toNanos();
    }

    private record Queued(InteractionRows.Pending pending, CompletableFuture<Void> done) {}

    /** Records handed over and not yet committed, by the hash of their token. */
    private final Map<String, CompletableFuture<Void>> unwritten = new ConcurrentHashMap<>();

    /**
     * Hands the record over to be committed shortly, and returns at once.
     *
     * @throws InteractionNotRecorded when the writer had no room for it within the write timeout;
     *     the caller answers the webhook all the same, without naming a callback URL
     */
    void submit(InteractionRows.Pending pending) {
        Queued queued = new Queued(pending, new CompletableFuture<>());
        if (writer == null) {
            writeNow(List.of(queued));
            if (queued.done().isCompletedExceptionally()) {
                throw new InteractionNotRecorded("the write failed", null);
            }
            return;
        }
        unwritten.put(pending.tokenHash(), queued.done());
        queued.done().whenComplete((done, failure) -> unwritten.remove(pending.tokenHash()));
        boolean taken;
        try {
            // A full queue holds the webhook back until there is room, so a burst the store cannot
            // keep up with slows routing down instead of losing records; only a store stuck for
            // the whole write timeout costs records.
            taken = queue.offer(queued, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            unwritten.remove(pending.tokenHash());
            throw new InteractionNotRecorded("the writer is behind by " + queue.size() + " records", null);
        }
    }

    /**
     * Waits until every record handed over so far is committed (or failed), at most {@code max}.
     *
     * @return whether none is left waiting
     */
    boolean awaitAllWritten(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (CompletableFuture<Void> done : List.copyOf(unwritten.values())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                done.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // Failed is finished too.
            } catch (TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, at most {@code callmask.interactions.write-timeout}, until the record with this token
     * hash is committed, if this instance has it waiting to be written; at once otherwise.
     */
    void awaitWritten(String tokenHash) {
        CompletableFuture<Void> done = unwritten.get(tokenHash);
        if (done == null) {
            return;
        }
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Not written (yet): the callback finds no record, as for an unknown token.
        }
    }

    @Override
    public synchronized void start() {
        Thread thread = new Thread(this::run, "interaction-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Stops taking records and writes those already handed over, before the data source closes. */
    @Override
    public synchronized void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            writeNow(left);
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(BATCH);
        long lastStart = System.nanoTime() - interval;
        boolean behind = false;
        while (writer == Thread.currentThread()) {
            try {
                // Each commit makes SQLite's readers find the database changed and read their
                // pages again, so commits are spaced out, unless the writer is behind.
                long rest = lastStart + interval - System.nanoTime();
                if (rest > 0 && !behind) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
                // Polled rather than taken, so stop() ends the loop without interrupting a write.
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            behind = batch.size() == BATCH;
            lastStart = System.nanoTime();
            try {
                writeNow(batch);
            } catch (Throwable e) {
                // The thread must outlive anything a write throws, or every webhook waits in vain.
                log.error("The interaction writer failed: {}", e.getClass().getName());
                batch.forEach(q -> q.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void writeNow(List<Queued> all) {
        List<Queued> batch = all.stream().filter(q -> !q.done().isCancelled()).toList();
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.write(status -> {
                List<InteractionRows.Pending> pending =
                        batch.stream().map(Queued::pending).toList();
                rows.insert(pending);
                pending.forEach(events::created);
                return null;
            });
            batch.forEach(q -> q.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() > 1 && e instanceof DataIntegrityViolationException) {
                // One bad record (its session deleted meanwhile, say) must not cost the others theirs;
                // a busy or unreachable store would fail each alone just the same, so only this splits.
                batch.forEach(q -> writeNow(List.of(q)));
                return;
            }
            log.warn("Writing an interaction failed: {}", StoreErrors.describe(e));
            // The driver's message and stack, for whoever turns this logger's level to debug.
            log.debug("Writing an interaction failed", e);
            batch.forEach(q -> q.done().completeExceptionally(e));
        }
    }
}
