package org.callmask.telephony;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.callmask.core.PhoneNumber;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Reason;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * Records every webhook answer: one log line (kind, outcome, latency, redacted numbers, also as
 * structured fields), at INFO for what was not put through and at DEBUG for what was, and the
 * {@code callmask.webhook} timer, tagged by kind and outcome only, so no number ever becomes a
 * metric tag.
 */
@Component
class WebhookObserver {

    private static final Logger log = LoggerFactory.getLogger(WebhookObserver.class);

    /** Which webhook answered. */
    enum Kind {
        CALL("connected"),
        MESSAGE("forwarded");

        private final String success;

        Kind(String success) {
            this.success = success;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    WebhookObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(Kind kind, RoutingDecision decision, String from, String to, long startedNanos) {
        record(kind, outcome(kind, decision), reason(decision), from, to, startedNanos);
    }

    void failed(Kind kind, RuntimeException e, long startedNanos) {
        // The type only: messages of parser and driver exceptions may quote the request's numbers.
        log.error(
                "Webhook {} failed, answered with a refusal: {}",
                kind.tag(),
                e.getClass().getName());
        record(kind, "error", "failure", null, null, startedNanos);
    }

    private void record(Kind kind, String outcome, String reason, String from, String to, long startedNanos) {
        long nanos = System.nanoTime() - startedNanos;
        timer(kind, outcome).record(nanos, TimeUnit.NANOSECONDS);
        // A call or text put through is on record as an interaction and counted in the timer; its
        // line is for a closer look (DEBUG). What did not go through stays at INFO.
        boolean putThrough = outcome.equals(kind.success);
        Level level = putThrough ? Level.DEBUG : Level.INFO;
        if (log.isEnabledForLevel(level)) {
            String millis = String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
            String redactedFrom = PhoneNumber.redact(from);
            String redactedTo = PhoneNumber.redact(to);
            log.atLevel(level)
                    .addKeyValue("webhook.kind", kind.tag())
                    .addKeyValue("webhook.outcome", outcome)
                    .addKeyValue("webhook.reason", reason)
                    .addKeyValue("webhook.latency_ms", millis)
                    .addKeyValue("webhook.from", redactedFrom)
                    .addKeyValue("webhook.to", redactedTo)
                    .log(
                            "Webhook {} {}{} from {} to {} in {} ms",
                            kind.tag(),
                            outcome,
                            reason.equals("none") ? "" : " (" + reason + ")",
                            redactedFrom,
                            redactedTo,
                            millis);
        }
    }

    private Timer timer(Kind kind, String outcome) {
        return timers.computeIfAbsent(
                kind.tag() + "/" + outcome,
                key -> Timer.builder("callmask.webhook")
                        .description("Webhook answers: calls (SWML) and messages (LaML), by outcome")
                        .tag("kind", kind.tag())
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry));
    }

    private static String outcome(Kind kind, RoutingDecision decision) {
        if (decision instanceof Connect) {
            return kind.success;
        }
        if (decision instanceof RoutingDecision.Reply) {
            return "replied";
        }
        return ((Refuse) decision).reason() == Reason.FAILURE ? "error" : "refused";
    }

    private static String reason(RoutingDecision decision) {
        if (decision instanceof Refuse refuse) {
            return refuse.reason().name().toLowerCase(Locale.ROOT);
        }
        return "none";
    }
}
