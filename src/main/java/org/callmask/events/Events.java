package org.callmask.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.service.ServiceId;
import org.callmask.system.Transactions;
import org.springframework.stereotype.Service;

/**
 * The events of a service and where their delivery stands; redelivery on request.
 *
 * <pre>{@code
 * Page<OutboxEvent> failed = events.page(service, Optional.of(EventStatus.FAILED), request);
 * events.redeliver(service, failed.items().get(0).id());
 * }</pre>
 */
@Service
public class Events {

    private final OutboxRows rows;
    private final Transactions transactions;
    private final EventRelay relay;
    private final EventProperties properties;
    private final Clock clock;

    Events(OutboxRows rows, Transactions transactions, EventRelay relay, EventProperties properties, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    /** A service's events, oldest first, with one status or all. */
    public Page<OutboxEvent> page(ServiceId service, Optional<EventStatus> status, PageRequest request) {
        return Page.of(
                rows.page(service, status, request),
                request,
                e -> new Cursor(e.createdAt().toEpochMilli(), e.id().value()));
    }

    /** How many events each service has in each status: service id, then status, then count. */
    public java.util.Map<String, java.util.Map<String, Long>> countsByServiceAndStatus() {
        return rows.countsByServiceAndStatus();
    }

    /** @throws EventNotFound when the service has no such event */
    public OutboxEvent find(ServiceId service, EventId id) {
        return rows.find(service, id).orElseThrow(EventNotFound::new);
    }

    /**
     * Delivers an event again, whatever its status, as soon as the session's earlier events allow,
     * retried for {@code callmask.events.retry-for} from now.
     *
     * @throws EventNotFound when the service has no such event
     */
    public OutboxEvent redeliver(ServiceId service, EventId id) {
        Instant now = clock.instant();
        boolean found = transactions.write(status -> rows.redeliver(service, id, now, now.plus(properties.retryFor())));
        if (!found) {
            throw new EventNotFound();
        }
        relay.wake();
        return find(service, id);
    }
}
