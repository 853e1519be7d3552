package org.callmask.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callmask.outbound.OutboundAnswer;
import org.callmask.outbound.OutboundHttp;
import org.callmask.service.ProxyService;
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

    private final OutboxRows rows;
    private final Services services;
    private final OutboundHttp http;
    private final Transactions transactions;
    private final EventMetrics metrics;
    private final EventProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final Semaphore nudges = new Semaphore(0);
    private final AtomicInteger deliveries = new AtomicInteger();

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

    /** Claims what is due and delivers it; returns how many events were claimed. */
    int deliverDue() {
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<OutboxRows.Claimed> claimed = transactions.write(status -> rows.claim(
                claim,
                properties.concurrency(),
                now,
                now.plus(properties.timeout()).plus(CLAIM_MARGIN)));
        if (claimed.isEmpty()) {
            return 0;
        }
        ExecutorService pool = senders;
        CompletableFuture<?>[] running = claimed.stream()
                .map(event -> pool == null
                        ? CompletableFuture.runAsync(() -> deliver(event, claim), Runnable::run)
                        : CompletableFuture.runAsync(() -> deliver(event, claim), pool))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(running).exceptionally(e -> null).join();
        return claimed.size();
    }

    private void deliver(OutboxRows.Claimed event, String claim) {
        deliveries.incrementAndGet();
        try {
            Optional<ProxyService> service = services.find(event.serviceId());
            URI url = event.callbackUrl() != null
                    ? URI.create(event.callbackUrl())
                    : service.flatMap(s -> s.settings().hooks().callback()).orElse(null);
            if (url == null) {
                record(event, claim, Optional.of("no callback URL is set"), true);
                return;
            }
            List<String> secrets = secrets(event, service);
            OutboundAnswer answer =
                    http.post(url, event.payload().getBytes(StandardCharsets.UTF_8), secrets, properties.timeout());
            if (answer instanceof OutboundAnswer.Answered answered && answered.isSuccess()) {
                record(event, claim, Optional.empty(), false);
            } else {
                record(event, claim, Optional.of(describe(answer)), false);
            }
        } catch (RuntimeException e) {
            log.warn("Delivering event {} failed: {}", event.id(), StoreErrors.describe(e));
        } finally {
            deliveries.decrementAndGet();
        }
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

    private void record(OutboxRows.Claimed event, String claim, Optional<String> error, boolean giveUp) {
        Instant now = clock.instant();
        if (error.isEmpty()) {
            if (transactions.write(status -> rows.delivered(event, claim, now))) {
                metrics.delivered(event.serviceId(), Duration.between(event.createdAt(), now));
            }
            return;
        }
        metrics.attemptFailed(event.serviceId());
        Instant next = now.plus(backoff.after(event.attempts()));
        if (giveUp || next.isAfter(event.deliverUntil())) {
            if (transactions.write(status -> rows.failed(event, claim, error.get(), now))) {
                metrics.gaveUp(event.serviceId());
                log.warn(
                        "Event {} ({}) failed after {} attempts: {}",
                        event.id(),
                        event.type(),
                        event.attempts(),
                        error.get());
            }
            return;
        }
        transactions.write(status -> rows.retry(event, claim, error.get(), next, now));
        log.info(
                "Event {} ({}) attempt {} failed, next in {} ms: {}",
                event.id(),
                event.type(),
                event.attempts(),
                Duration.between(now, next).toMillis(),
                error.get());
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
