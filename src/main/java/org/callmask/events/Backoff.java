package org.callmask.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before an event's next attempt: the initial wait doubling with each failure up to the
 * maximum, of which a random half is taken off, so the deliveries that failed together (the
 * platform was down) do not all come back at the same moment.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** @param attempts how many attempts have failed, one or more */
    Duration after(int attempts) {
        long ceiling = ceiling(attempts).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The longest wait after {@code attempts} failures; the shortest is half of it. */
    Duration ceiling(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
