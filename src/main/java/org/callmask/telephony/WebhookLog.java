package org.callmask.telephony;

import java.util.concurrent.TimeUnit;
import org.callmask.core.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One line per webhook answered: kind, outcome, latency and redacted numbers. */
@Component
class WebhookLog {

    private static final Logger log = LoggerFactory.getLogger(WebhookLog.class);

    void answered(String kind, RoutingDecision decision, String from, String to, long startedNanos) {
        if (log.isInfoEnabled()) {
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos);
            log.info("Webhook {} {} from {} to {} in {} ms",
                    kind, decision.outcome(), PhoneNumber.redact(from), PhoneNumber.redact(to),
                    String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0));
        }
    }

    void failed(String kind, RuntimeException e, long startedNanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos);
        // The type only: messages of parser and driver exceptions may quote the request's numbers.
        log.error("Webhook {} failed after {} ms, answered with a refusal: {}",
                kind, String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0), e.getClass().getName());
    }
}
