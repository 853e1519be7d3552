package org.callmask.interaction;

import java.util.LinkedHashMap;
import java.util.Map;
import org.callmask.core.PlatformEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the platform about interactions, inside the transaction that writes them. Participants
 * appear by id; bodies and media never travel in an event, stored or not.
 */
@Component
class InteractionEvents {

    static final String CREATED = "interaction.created";
    static final String UPDATED = "interaction.updated";

    private final ApplicationEventPublisher publisher;

    InteractionEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(InteractionRows.Pending pending) {
        NewInteraction i = pending.interaction();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interaction_id", pending.id().value());
        data.put("session_id", i.sessionId() == null ? null : i.sessionId().value());
        data.put("type", i.type().wire());
        data.put("origin", i.origin().wire());
        data.put("from_participant", i.from() == null ? null : i.from().value());
        data.put("to_participant", i.to() == null ? null : i.to().value());
        data.put("proxy_number", i.proxyNumber().e164());
        data.put("outcome", i.outcome().wire());
        data.put("reason", i.reason());
        publisher.publishEvent(new PlatformEvent(
                CREATED,
                i.service().value(),
                i.sessionId() == null ? null : i.sessionId().value(),
                i.callbackUrl() == null ? null : i.callbackUrl().toString(),
                data));
    }

    /**
     * @param reported the status the callback reported
     * @param status the interaction's status after it, which only moves forward
     */
    void updated(InteractionRows.Target target, InteractionStatus reported, InteractionStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interaction_id", target.id().value());
        data.put(
                "session_id",
                target.sessionId() == null ? null : target.sessionId().value());
        data.put("type", target.type().wire());
        data.put("reported_status", reported.wire());
        data.put("status", status == null ? null : status.wire());
        publisher.publishEvent(new PlatformEvent(
                UPDATED,
                target.service().value(),
                target.sessionId() == null ? null : target.sessionId().value(),
                target.callbackUrl(),
                data));
    }
}
