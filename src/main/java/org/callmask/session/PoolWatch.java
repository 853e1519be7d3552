package org.callmask.session;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callmask.pool.NumberPool;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the platform when a service's pool runs out or runs low, before its operators hear it from
 * couriers. Under the number-reuse rule a pool is as full as its busiest participant: the free
 * capacity is the share of the numbers with room (not reserved, under capacity) that the
 * participant just given one could still be given. It is checked after each allocation, for the
 * participants of that allocation, without a query of its own but a cached count.
 */
@Component
class PoolWatch {

    private static final Logger log = LoggerFactory.getLogger(PoolWatch.class);

    /** At most one pool.exhausted per service and rule this often, from each instance. */
    private static final long EXHAUSTED_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    /** While a pool stays low, pool.low is told again this often. */
    private static final Duration LOW_REPEAT = Duration.ofHours(1);

    private static final long ROOM_CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final NumberPool pool;
    private final Services services;
    private final SessionEvents news;
    private final Transactions transactions;
    private final ApplicationEventPublisher publisher;
    private final double watermark;
    private final Map<String, Long> lastExhausted = new ConcurrentHashMap<>();
    private final Map<ServiceId, long[]> room = new ConcurrentHashMap<>();

    PoolWatch(
            NumberPool pool,
            Services services,
            SessionEvents news,
            Transactions transactions,
            ApplicationEventPublisher publisher,
            @Value("${callmask.pool.low-watermark:0.1}") double watermark) {
        this.transactions = transactions;
        this.publisher = publisher;
        if (!(watermark >= 0 && watermark < 1)) {
            throw new IllegalArgumentException(
                    "callmask.pool.low-watermark must be at least 0 and below 1, was " + watermark);
        }
        this.pool = pool;
        this.services = services;
        this.news = news;
        this.watermark = watermark;
    }

    /**
     * No number could be given; outside any transaction, since nothing was written.
     *
     * @param country the participant's country, when the geo rule asked for one
     * @param areaCode the participant's area code, when the geo rule asked for one
     */
    void exhausted(ServiceId service, String constraint, Optional<String> country, Optional<String> areaCode) {
        shortage(new PoolShortage(service, constraint, country, areaCode));
        long now = System.nanoTime();
        Long last = lastExhausted.get(service.value() + constraint);
        if (last != null && now - last < EXHAUSTED_EVERY_NANOS) {
            return;
        }
        lastExhausted.put(service.value() + constraint, now);
        try {
            news.poolExhausted(service, constraint);
        } catch (RuntimeException e) {
            log.warn(
                    "pool.exhausted for service {} was not kept: {}",
                    service,
                    e.getClass().getName());
        }
    }

    /**
     * A participant was given a number of their country, since none had their area code: nothing
     * the platform must hear of, but a shortage all the same.
     */
    void fellBack(ServiceId service, Optional<String> country, Optional<String> areaCode) {
        shortage(new PoolShortage(service, "no-number-in-area-code", country, areaCode));
    }

    /**
     * After an allocation committed.
     *
     * @param mostHeld the most proxy numbers one of its participants now holds
     */
    void allocated(ProxyService service, int mostHeld) {
        try {
            long withRoom = numbersWithRoom(service.id());
            if (withRoom == 0) {
                return;
            }
            double free = Math.max(0, withRoom - mostHeld) / (double) withRoom;
            if (free >= watermark) {
                return;
            }
            shortage(new PoolShortage(service.id(), PoolShortage.LOW, Optional.empty(), Optional.empty()));
            // The mark and the event are kept together, or neither is.
            boolean told = transactions.write(status -> {
                if (!services.notePoolLow(service.id(), LOW_REPEAT)) {
                    return false;
                }
                news.poolLow(service.id(), withRoom, mostHeld, free, watermark);
                return true;
            });
            if (told) {
                log.warn(
                        "Pool of service {} is low: {} numbers with room, a participant holds {}",
                        service.id(),
                        withRoom,
                        mostHeld);
            }
        } catch (RuntimeException e) {
            // Telling is second to opening sessions: a failure here never fails the allocation.
            log.warn(
                    "Checking the pool of service {} failed: {}",
                    service.id(),
                    e.getClass().getName());
        }
    }

    private void shortage(PoolShortage shortage) {
        try {
            publisher.publishEvent(shortage);
        } catch (RuntimeException e) {
            log.warn(
                    "A pool shortage of service {} was not handled: {}",
                    shortage.service(),
                    e.getClass().getName());
        }
    }

    /** Numbers were added: the count is read again, and the next dip is told at once. */
    void grew(ServiceId service) {
        room.remove(service);
        services.clearPoolLow(service);
    }

    private long numbersWithRoom(ServiceId service) {
        long now = System.nanoTime();
        long[] cached = room.get(service);
        if (cached != null && now - cached[1] < ROOM_CACHE_NANOS) {
            return cached[0];
        }
        long count = pool.numbersWithRoom(service);
        room.put(service, new long[] {count, now});
        return count;
    }
}
