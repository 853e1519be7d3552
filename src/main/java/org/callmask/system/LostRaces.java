package org.callmask.system;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that runs a unit of work again when it failed only because it lost a race or a
 * lock, which the store rolled back whole: a unique index broken by a concurrent allocation, a
 * serialization failure, a busy SQLite file. Each retry reads fresh state, after a short pause with
 * jitter so that racing requests do not collide again in step.
 */
@Component
public class LostRaces {

    static final int MAX_ATTEMPTS = 30;

    private final StorageDialect dialect;
    private final RetryTemplate template;

    LostRaces(StorageDialect dialect) {
        this.dialect = dialect;
        this.template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(MAX_ATTEMPTS - 1)
                .predicate(this::lostARace)
                .delay(Duration.ofMillis(2))
                .jitter(Duration.ofMillis(2))
                .multiplier(1.5)
                .maxDelay(Duration.ofMillis(30))
                .build());
    }

    /**
     * Runs {@code work}, again each time it loses a race.
     *
     * @throws StoreContended after {@value #MAX_ATTEMPTS} lost races; nothing was changed
     */
    public <T> T retry(Supplier<T> work) {
        try {
            return template.execute(work::get);
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof RuntimeException failure && !lostARace(failure)) {
                throw failure;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new StoreContended(MAX_ATTEMPTS, last);
        }
    }

    private boolean lostARace(Throwable failure) {
        return failure instanceof RuntimeException e && dialect.isRetryable(e);
    }
}
