package org.callmask.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callmask.outbound.OutboundAnswer;
import org.callmask.outbound.OutboundHttp;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.system.StoreErrors;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox, on every instance: claims due events, posts each, signed, to its callback
 * URL, and records what came of it. A claim keeps other instances off an event until it ends or
 * runs out (well after the attempt's timeout), so no event is ever being delivered twice at once;
 * a crash between a delivery and its record means one more delivery later, never none.
 */
@Component
class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
    private static final int PURGE_BATCH = 1000;
    private static final int BATCH_PER_SENDER = 8;

    private final OutboxRows rows;
    private final Services services;
    private final OutboundHttp http;
    private final Transactions transactions;
    private final EventMetrics metrics;
    private final EventProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final Semaphore nudges = new Semaphore(0);

    private volatile Thread relay;
    private ExecutorService senders;
    private long lastHousekeeping;

    EventRelay(
            OutboxRows rows,
            Services services,
            OutboundHttp http,
            Transactions transactions,
            EventMetrics metrics,
            EventProperties properties,
            Clock clock) {
        this.rows = rows;
        this.services = services;
        this.http = http;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new Backoff(properties.retryInitial(), properties.retryMax());
        this.clock = clock;
    }

    /** An event was committed: look now rather than at the next poll. */
    void wake() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread thread = new Thread(r, "event-sender-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread thread = new Thread(this::run, "event-relay");
        thread.setDaemon(true);
        relay = thread;
        thread.start();
    }

    /** Stops claiming; deliveries under way end within their timeout. */
    @Override
    public synchronized void stop() {
        Thread thread = relay;
        relay = null;
        if (thread != null) {
            nudges.release();
            try {
                thread.join(properties.timeout().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdownNow();
            senders = null;
        }
    }

    @Override
    public boolean isRunning() {
        return relay != null;
    }

    private void run() {
        while (relay == Thread.currentThread()) {
            try {
                housekeeping();
                int claimed = deliverDue();
                if (claimed == 0) {
                    nudges.tryAcquire(properties.poll().toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The relay must outlive a store that is down; it tries again after a poll.
                log.warn("Event delivery paused: {}", StoreErrors.describe(e));
                sleep(properties.poll());
            }
        }
    }

    /**
     * Claims what is due and delivers it, several at a time, then records every outcome in one
     * transaction: on SQLite each transaction takes the single writer from the webhooks, so the
     * relay takes it twice per batch, not once per event.
     *
     * @return how many events were claimed
     */
    int deliverDue() {
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int batch = properties.concurrency() * BATCH_PER_SENDER;
        // Each sender works through its share of the batch one attempt after another.
        Duration longest = properties.timeout().multipliedBy(BATCH_PER_SENDER).plus(CLAIM_MARGIN);
        List<OutboxRows.Claimed> claimed =
                transactions.write(status -> rows.claim(claim, batch, now, now.plus(longest)));
        if (claimed.isEmpty()) {
            return 0;
        }
        ExecutorService pool = senders;
        // Read once per service for the batch, not once per event.
        Map<ServiceId, List<String>> secrets = new ConcurrentHashMap<>();
        List<CompletableFuture<Attempt>> running = claimed.stream()
                .map(event -> pool == null
                        ? CompletableFuture.completedFuture(safeAttempt(event, secrets))
                        : CompletableFuture.supplyAsync(() -> safeAttempt(event, secrets), pool))
                .toList();
        List<Attempt> attempts = new ArrayList<>();
        for (CompletableFuture<Attempt> attempt : running) {
            try {
                attempts.add(attempt.join());
            } catch (RuntimeException e) {
                // Left claimed: it is tried again once the claim runs out.
                log.warn("Delivering an event failed: {}", StoreErrors.describe(e));
            }
        }
        record(attempts, claim);
        return claimed.size();
    }

    /** What came of one attempt: no error, or why it failed and whether to stop trying. */
    private record Attempt(OutboxRows.Claimed event, Optional<String> error, boolean giveUp) {}

    /** An attempt that failed inside CallMask (the store, say) counts as failed like any other. */
    private Attempt safeAttempt(OutboxRows.Claimed event, Map<ServiceId, List<String>> secrets) {
        try {
            return attempt(event, secrets);
        } catch (RuntimeException e) {
            return new Attempt(event, Optional.of("not sent: " + StoreErrors.describe(e)), false);
        }
    }

    private Attempt attempt(OutboxRows.Claimed event, Map<ServiceId, List<String>> secrets) {
        Optional<ProxyService> service = services.find(event.serviceId());
        URI url = event.callbackUrl() != null
                ? URI.create(event.callbackUrl())
                : service.flatMap(s -> s.settings().hooks().callback()).orElse(null);
        if (url == null) {
            return new Attempt(event, Optional.of("no callback URL is set"), true);
        }
        List<String> signing = secrets.computeIfAbsent(event.serviceId(), id -> secrets(event, service));
        OutboundAnswer answer =
                http.post(url, event.payload().getBytes(StandardCharsets.UTF_8), signing, properties.timeout());
        if (answer instanceof OutboundAnswer.Answered answered && answered.isSuccess()) {
            return new Attempt(event, Optional.empty(), false);
        }
        return new Attempt(event, Optional.of(describe(answer)), false);
    }

    private List<String> secrets(OutboxRows.Claimed event, Optional<ProxyService> service) {
        List<String> secrets = services.callbackSecrets(event.serviceId()).signingAt(clock.instant());
        if (secrets.isEmpty() && service.isPresent()) {
            // A service from before secrets existed, given a session callback URL: it gets a secret
            // now, which the platform learns by rotating it.
            services.ensureCallbackSecret(service.get());
            secrets = services.callbackSecrets(event.serviceId()).signingAt(clock.instant());
        }
        return secrets;
    }

    private void record(List<Attempt> attempts, String claim) {
        Instant now = clock.instant();
        List<Runnable> afterCommit = new ArrayList<>();
        List<OutboxRows.Claimed> delivered = attempts.stream()
                .filter(attempt -> attempt.error().isEmpty())
                .map(Attempt::event)
                .toList();
        transactions.write(status -> {
            afterCommit.clear();
            for (OutboxRows.Claimed event : rows.delivered(delivered, claim, now)) {
                afterCommit.add(() -> metrics.delivered(event.serviceId(), Duration.between(event.createdAt(), now)));
            }
            for (Attempt attempt : attempts) {
                OutboxRows.Claimed event = attempt.event();
                if (attempt.error().isEmpty()) {
                    continue;
                }
                String error = attempt.error().get();
                afterCommit.add(() -> metrics.attemptFailed(event.serviceId()));
                // The last wait is cut short so that an attempt is made when the retry period ends.
                Instant next = min(now.plus(backoff.after(event.attempts())), event.deliverUntil());
                if (attempt.giveUp() || !now.isBefore(event.deliverUntil())) {
                    if (rows.failed(event, claim, error, now)) {
                        afterCommit.add(() -> {
                            metrics.gaveUp(event.serviceId());
                            log.warn(
                                    "Event {} ({}) failed after {} attempts: {}",
                                    event.id(),
                                    event.type(),
                                    event.attempts(),
                                    error);
                        });
                    }
                } else if (rows.retry(event, claim, error, next, now)) {
                    afterCommit.add(() -> log.info(
                            "Event {} ({}) attempt {} failed, next in {} ms: {}",
                            event.id(),
                            event.type(),
                            event.attempts(),
                            Duration.between(now, next).toMillis(),
                            error));
                }
            }
            return null;
        });
        afterCommit.forEach(Runnable::run);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String describe(OutboundAnswer answer) {
        if (answer instanceof OutboundAnswer.Answered answered) {
            return "HTTP " + answered.status();
        }
        OutboundAnswer.NotAnswered none = (OutboundAnswer.NotAnswered) answer;
        return none.failure().name().toLowerCase(Locale.ROOT) + ": " + none.detail();
    }

    /** Every few seconds: the outbox depth for the metrics, and events past their retention. */
    private void housekeeping() {
        long now = System.nanoTime();
        if (lastHousekeeping != 0 && now - lastHousekeeping < HOUSEKEEPING.toNanos()) {
            return;
        }
        lastHousekeeping = now;
        metrics.pending(rows.pendingByService());
        Instant cutoff = clock.instant().minus(properties.retention());
        transactions.write(status -> rows.purgeFinishedBefore(cutoff, PURGE_BATCH));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
