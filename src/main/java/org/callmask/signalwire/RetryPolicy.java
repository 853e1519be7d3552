package org.callmask.signalwire;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a request to SignalWire is tried again, and after how long. A 429 or a 503 says SignalWire
 * did not act on the request, so any request may be tried again; another 5xx leaves that unknown,
 * so only a request that is harmless twice is.
 */
final class RetryPolicy {

    private final Duration initial;
    private final Duration maxWait;
    private final int maxAttempts;
    private final Clock clock;

    RetryPolicy(SignalWireProperties properties, Clock clock) {
        this.initial = properties.retryInitial();
        this.maxWait = properties.retryMaxWait();
        this.maxAttempts = properties.maxAttempts();
        this.clock = clock;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration initial() {
        return initial;
    }

    /** Whether an answer with this status says SignalWire did not carry the request out. */
    static boolean notDone(int status) {
        return status == 429 || status == 503;
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether a wait this long is one to sit out rather than hand back to the caller. */
    boolean worthWaiting(Duration wait) {
        return wait.compareTo(maxWait) <= 0;
    }

    /** Exponential from {@code retry-initial}, with jitter, capped at {@code retry-max-wait}. */
    Duration backoff(int attempt) {
        long base = initial.toMillis() << Math.min(attempt - 1, 16);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(base + jitter, maxWait.toMillis()));
    }

    /** The wait before the next attempt: SignalWire's {@code Retry-After}, else the backoff. */
    Duration waitAfter(HttpResponse<?> response, int attempt) {
        return retryAfter(response).orElseGet(() -> backoff(attempt));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; nothing when absent or unreadable. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.get());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
