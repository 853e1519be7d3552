package org.callmask.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.callmask.service.ServiceId;
import org.springframework.stereotype.Component;

/**
 * The {@code callmask.events.*} meters, by service: events waiting in the outbox, how long
 * delivered ones took from being written to being received, failed attempts and events given up
 * on. The outbox depth is read from the database by the relay every few seconds, so it counts the
 * events of every instance.
 */
@Component
class EventMetrics {

    private final MeterRegistry registry;
    private final MultiGauge pending;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pending = MultiGauge.builder("callmask.events.pending")
                .description("Events waiting in the outbox to be delivered")
                .register(registry);
    }

    void delivered(ServiceId service, Duration sinceWritten) {
        Timer.builder("callmask.events.delivery.latency")
                .description("From an event being written to the platform accepting it")
                .tag("service", service.value())
                .register(registry)
                .record(sinceWritten);
    }

    void attemptFailed(ServiceId service) {
        Counter.builder("callmask.events.attempts.failed")
                .description("Delivery attempts that got no 2xx answer")
                .tag("service", service.value())
                .register(registry)
                .increment();
    }

    void gaveUp(ServiceId service) {
        Counter.builder("callmask.events.failed")
                .description("Events marked failed after retrying for callmask.events.retry-for")
                .tag("service", service.value())
                .register(registry)
                .increment();
    }

    void pending(Map<ServiceId, Long> byService) {
        pending.register(
                byService.entrySet().stream()
                        .map(e ->
                                MultiGauge.Row.of(Tags.of("service", e.getKey().value()), e.getValue()))
                        .toList(),
                true);
    }
}
