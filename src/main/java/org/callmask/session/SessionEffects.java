package org.callmask.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What follows a change to sessions once it is committed: the counters and the log line. A
 * transaction that rolls back (a lost race, say) leaves no count and no line behind.
 */
@Component
class SessionEffects {

    private static final Logger log = LoggerFactory.getLogger(SessionEffects.class);

    private final SessionMetrics metrics;

    SessionEffects(SessionMetrics metrics) {
        this.metrics = metrics;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void opened(MaskOpened event) {
        metrics.maskCreated();
        log.info(
                "Mask {} opened on {} for client {} and contractor {}",
                event.id().value(),
                event.maskNumber().redacted(),
                event.client().redacted(),
                event.contractor().redacted());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(SessionsClosed event) {
        metrics.masksClosed(event.reason(), event.sessions().size());
    }
}
