package org.callmask.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callmask.core.Cursor;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.service.ProxyService;
import org.springframework.stereotype.Component;

/** Reads v1 sessions with their participants. */
@Component
class SessionReading {

    private final SessionRows sessions;
    private final ParticipantRows participants;
    private final Clock clock;

    SessionReading(SessionRows sessions, ParticipantRows participants, Clock clock) {
        this.sessions = sessions;
        this.participants = participants;
        this.clock = clock;
    }

    /** @throws SessionNotFound when the service has no such session */
    ProxySession find(ProxyService service, SessionId id) {
        Instant now = clock.instant();
        return sessions.find(service.id(), id).map(row -> attach(row, now)).orElseThrow(SessionNotFound::new);
    }

    /** @throws SessionNotFound when the service has no such session */
    SessionKey keyOf(ProxyService service, SessionId id) {
        return sessions.find(service.id(), id).map(SessionRows.Row::key).orElseThrow(SessionNotFound::new);
    }

    Page<ProxySession> page(ProxyService service, SessionFilter filter, PageRequest request) {
        Instant now = clock.instant();
        List<SessionRows.Row> rows = sessions.page(service.id(), filter, request, now);
        Map<SessionKey, List<ParticipantRows.Row>> byKey =
                participants.ofSessions(rows.stream().map(SessionRows.Row::key).toList());
        List<ProxySession> found = rows.stream()
                .map(row -> row.withParticipants(
                        byKey.get(row.key()).stream()
                                .map(ParticipantRows.Row::participant)
                                .toList(),
                        now))
                .toList();
        return Page.of(found, request, s -> new Cursor(s.createdAt().toEpochMilli(), s.id().value()));
    }

    ProxySession attach(SessionRows.Row row, Instant now) {
        return row.withParticipants(
                participants.ofSession(row.key()).stream()
                        .map(ParticipantRows.Row::participant)
                        .toList(),
                now);
    }
}
