package org.callmask.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * exactly when the change it tells of was committed. The events of one transaction are written
 * together just before it commits (one batch for a whole batch of interactions). Events of a
 * service and session with no callback URL are not kept: nobody would receive them.
 */
@Component
class EventOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The key the current transaction's unwritten events are bound under. */
    private final Object pendingKey = new Object();

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
        OutboxRows.NewEvent written = toWrite(serviceId, event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingInThisTransaction().add(written);
        } else {
            transactions.write(status -> {
                rows.insert(List.of(written));
                return null;
            });
            relay.wake();
        }
    }

    /** The events the current transaction has published so far, written just before it commits. */
    @SuppressWarnings("unchecked")
    private List<OutboxRows.NewEvent> pendingInThisTransaction() {
        List<OutboxRows.NewEvent> pending =
                (List<OutboxRows.NewEvent>) TransactionSynchronizationManager.getResource(pendingKey);
        if (pending != null) {
            return pending;
        }
        List<OutboxRows.NewEvent> created = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(pendingKey, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!created.isEmpty()) {
                    rows.insert(created);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
                if (status == STATUS_COMMITTED && !created.isEmpty()) {
                    relay.wake();
                }
            }
        });
        return created;
    }

    private OutboxRows.NewEvent toWrite(ServiceId service, PlatformEvent event) {
        Instant now = clock.instant();
        EventId id = EventId.random();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.value());
        body.put("type", event.type());
        body.put("created_at", now.toString());
        body.put("service_id", service.value());
        body.put("data", event.data());
        return new OutboxRows.NewEvent(
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
