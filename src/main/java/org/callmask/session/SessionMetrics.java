package org.callmask.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolStats;
import org.springframework.stereotype.Component;

/**
 * The {@code callmask.masks.*}, {@code callmask.pool.*} and {@code callmask.sweeper.*} meters.
 * Counters move only when the transaction that did the work commits, so a retried allocation is
 * counted once. Gauges read the database at most every few seconds, however often they are
 * scraped.
 */
@Component
class SessionMetrics {

    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);

    private final Counter created;
    private final Counter exhausted;
    private final Map<CloseReason, Counter> closed = new EnumMap<>(CloseReason.class);
    private final Timer sweeps;
    private final Timer failedSweeps;
    private final SessionRepository repository;
    private final NumberPool pool;
    private final Clock clock;

    private volatile Snapshot snapshot;

    SessionMetrics(MeterRegistry registry, SessionRepository repository, NumberPool pool, Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.clock = clock;
        this.created = Counter.builder("callmask.masks.opened")
                .description("Masks opened (created)")
                .register(registry);
        this.exhausted = Counter.builder("callmask.pool.exhausted")
                .description("Masks refused because no pool number was free for both participants")
                .register(registry);
        for (CloseReason reason : CloseReason.values()) {
            closed.put(
                    reason,
                    Counter.builder("callmask.masks.closed")
                            .description(
                                    "Masks closed: expired, deleted by the platform, or closed by removing their number")
                            .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        this.sweeps = Timer.builder("callmask.sweeper.runs")
                .description("Sweeper runs and how long they took")
                .tag("result", "ok")
                .register(registry);
        this.failedSweeps = Timer.builder("callmask.sweeper.runs")
                .description("Sweeper runs and how long they took")
                .tag("result", "failed")
                .register(registry);
        gauge(registry, "callmask.masks.active", "Masks open and within their lifetime", s -> s.activeMasks);
        Gauge.builder("callmask.pool.numbers", this, m -> m.read(s -> s.pool.inUse()))
                .description("Pool numbers by state: in_use has at least one active route")
                .tag("state", "in_use")
                .register(registry);
        Gauge.builder("callmask.pool.numbers", this, m -> m.read(s -> s.pool.free()))
                .description("Pool numbers by state: in_use has at least one active route")
                .tag("state", "free")
                .register(registry);
        gauge(
                registry,
                "callmask.pool.busiest.routes",
                "Active routes on the busiest pool number",
                s -> s.pool.busiestRoutes());
    }

    void maskCreated() {
        created.increment();
    }

    void poolExhausted() {
        exhausted.increment();
    }

    void masksClosed(CloseReason reason, int count) {
        if (count > 0) {
            closed.get(reason).increment(count);
        }
    }

    void sweepTook(Duration duration, boolean succeeded) {
        (succeeded ? sweeps : failedSweeps).record(duration);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> m.read(value)).description(description).register(registry);
    }

    private double read(ToDoubleFunction<Snapshot> value) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.takenAt.plus(GAUGE_REFRESH)) || now.isBefore(current.takenAt)) {
            try {
                current = new Snapshot(now, repository.countActive(now), pool.stats());
                snapshot = current;
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return value.applyAsDouble(current);
    }

    private record Snapshot(Instant takenAt, long activeMasks, PoolStats pool) {}
}
