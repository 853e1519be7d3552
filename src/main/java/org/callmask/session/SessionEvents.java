package org.callmask.session;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callmask.core.PhoneNumber;
import org.callmask.core.PlatformEvent;
import org.callmask.service.ServiceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the platform what happened to sessions and their participants. Each method is called
 * inside the transaction that made the change, so the event is kept exactly when the change is.
 * The data names participants by id and proxy number, never by their own numbers.
 */
@Component
class SessionEvents {

    static final String CREATED = "session.created";
    static final String UPDATED = "session.updated";
    static final String CLOSED = "session.closed";
    static final String PARTICIPANT_ADDED = "participant.added";
    static final String PARTICIPANT_REMOVED = "participant.removed";
    static final String POOL_EXHAUSTED = "pool.exhausted";
    static final String POOL_LOW = "pool.low";

    private final ApplicationEventPublisher publisher;

    SessionEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** A closed session, as closing it returned it. */
    record Closed(SessionKey key, SessionId id, ServiceId serviceId, URI callbackUrl) {}

    void created(ProxySession session) {
        Map<String, Object> data =
                sessionData(session.id(), session.status(), session.mode(), session.expiresAt(), session.uniqueName());
        data.put(
                "participants",
                session.participants().stream().map(SessionEvents::participant).toList());
        publish(CREATED, session.serviceId(), session.id(), session.callbackUrl(), data);
    }

    /** A seed API mask: two participants who share one proxy number. */
    void maskCreated(
            ServiceId service,
            SessionId session,
            List<ParticipantId> participants,
            PhoneNumber proxy,
            Instant expiresAt) {
        Map<String, Object> data =
                sessionData(session, SessionStatus.OPEN, SessionMode.VOICE_AND_MESSAGE, expiresAt, null);
        data.put(
                "participants",
                participants.stream()
                        .map(id -> {
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("participant_id", id.value());
                            p.put("proxy_number", proxy.e164());
                            return p;
                        })
                        .toList());
        publish(CREATED, service, session, null, data);
    }

    void updated(SessionRows.Row row, SessionStatus status, SessionMode mode, Instant expiresAt) {
        publish(
                UPDATED,
                row.serviceId(),
                row.id(),
                row.callbackUrl(),
                sessionData(row.id(), status, mode, expiresAt, row.uniqueName()));
    }

    void closed(List<Closed> sessions, CloseReason reason) {
        for (Closed closed : sessions) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("session_id", closed.id().value());
            data.put("closed_reason", reason.wire());
            publish(CLOSED, closed.serviceId(), closed.id(), closed.callbackUrl(), data);
        }
    }

    void participantAdded(SessionRows.Row row, Participant participant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", row.id().value());
        data.putAll(participant(participant));
        publish(PARTICIPANT_ADDED, row.serviceId(), row.id(), row.callbackUrl(), data);
    }

    void participantRemoved(SessionRows.Row row, ParticipantId participant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", row.id().value());
        data.put("participant_id", participant.value());
        publish(PARTICIPANT_REMOVED, row.serviceId(), row.id(), row.callbackUrl(), data);
    }

    /** @param constraint the rule no number met, as the API's problem type names it */
    void poolExhausted(ServiceId service, String constraint) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("constraint", constraint);
        publisher.publishEvent(new PlatformEvent(POOL_EXHAUSTED, service.value(), null, null, data));
    }

    void poolLow(ServiceId service, long numbersWithRoom, long mostHeld, double freeShare, double watermark) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("numbers_with_room", numbersWithRoom);
        data.put("most_held_by_one_participant", mostHeld);
        data.put("free_capacity", Math.round(freeShare * 1000) / 1000.0);
        data.put("low_watermark", watermark);
        publisher.publishEvent(new PlatformEvent(POOL_LOW, service.value(), null, null, data));
    }

    private static Map<String, Object> sessionData(
            SessionId id, SessionStatus status, SessionMode mode, Instant expiresAt, String uniqueName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", id.value());
        data.put("unique_name", uniqueName);
        data.put("status", status.wire());
        data.put("mode", mode.wire());
        data.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        return data;
    }

    private static Map<String, Object> participant(Participant participant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participant_id", participant.id().value());
        data.put("proxy_number", participant.proxyNumber().e164());
        return data;
    }

    private void publish(String type, ServiceId service, SessionId session, URI callbackUrl, Map<String, Object> data) {
        publisher.publishEvent(new PlatformEvent(
                type, service.value(), session.value(), callbackUrl == null ? null : callbackUrl.toString(), data));
    }
}
