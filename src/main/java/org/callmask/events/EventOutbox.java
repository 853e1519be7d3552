package org.callmask.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.PlatformEvent;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.system.Transactions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event into the outbox in the transaction that published it, so an event exists
 * exactly when the change it tells of was committed. Events of a service and session with no
 * callback URL are not kept: nobody would receive them.
 */
@Component
class EventOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxRows rows;
    private final Services services;
    private final Transactions transactions;
    private final EventRelay relay;
    private final EventProperties properties;
    private final Clock clock;

    EventOutbox(
            OutboxRows rows,
            Services services,
            Transactions transactions,
            EventRelay relay,
            EventProperties properties,
            Clock clock) {
        this.rows = rows;
        this.services = services;
        this.transactions = transactions;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(PlatformEvent event) {
        ServiceId serviceId = new ServiceId(event.serviceId());
        if (event.callbackUrl() == null) {
            Optional<ProxyService> service = services.find(serviceId);
            if (service.isEmpty() || service.get().settings().hooks().callback().isEmpty()) {
                return;
            }
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(serviceId, event);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        } else {
            transactions.write(status -> {
                write(serviceId, event);
                return null;
            });
            relay.wake();
        }
    }

    private void write(ServiceId service, PlatformEvent event) {
        Instant now = clock.instant();
        EventId id = EventId.random();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.value());
        body.put("type", event.type());
        body.put("created_at", now.toString());
        body.put("service_id", service.value());
        body.put("data", event.data());
        rows.insert(
                id,
                service,
                event.sessionId(),
                event.type(),
                JSON.writeValueAsString(body),
                event.callbackUrl(),
                now,
                now.plus(properties.retryFor()));
    }
}
