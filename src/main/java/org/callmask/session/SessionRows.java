package org.callmask.session;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;
import org.callmask.service.ServiceId;
import org.callmask.service.VoiceOverrides;
import org.callmask.service.VoiceOverridesJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code session} table as the v1 API reads and changes it. */
@Repository
class SessionRows {

    private static final String COLUMNS = """
            SELECT s.id, s.public_id, s.service_id, s.unique_name, s.mode, s.ttl, s.expires_at_fixed,
                   s.expires_at, s.metadata, s.voice, s.created_at, s.updated_at, s.last_interaction_at,
                   s.ttl_from, s.closed_at, s.close_reason, s.callback_url
            FROM session s
            """;

    private static final String INSERT = """
            INSERT INTO session (public_id, service_id, unique_name, mode, ttl, expires_at_fixed, expires_at,
                                 metadata, voice, callback_url, created_at, updated_at)
            VALUES (:publicId, :serviceId, :uniqueName, :mode, :ttl, :expiresAtFixed, :expiresAt,
                    :metadata, :voice, :callbackUrl, :now, :now)
            RETURNING id
            """;

    private static final String BY_KEY = COLUMNS + "WHERE s.id = :id";

    private static final String BY_PUBLIC_ID = COLUMNS + "WHERE s.public_id = :publicId AND s.service_id = :serviceId";

    private static final String OPEN_BY_NAME = COLUMNS + """
            WHERE s.service_id = :serviceId AND s.unique_name = :uniqueName AND s.closed_at IS NULL
            """;

    private static final String COUNT_OPEN_IN_SERVICE = """
            SELECT COUNT(*) FROM session
            WHERE service_id = :serviceId AND closed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """;

    // Each filter is a fixed fragment, switched on by the list that builds the statement.
    private static final String IN_SERVICE = "s.service_id = :serviceId";
    private static final String AFTER_CURSOR =
            "(s.created_at > :afterCreated OR (s.created_at = :afterCreated AND s.public_id > :afterId))";
    private static final String ROUTING = "s.closed_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > :now)";
    private static final String STATUS_OPEN = ROUTING + " AND s.last_interaction_at IS NULL";
    private static final String STATUS_IN_PROGRESS = ROUTING + " AND s.last_interaction_at IS NOT NULL";
    private static final String STATUS_CLOSED = "(s.closed_at IS NOT NULL OR s.expires_at <= :now)";
    private static final String WITH_PARTICIPANT =
            "EXISTS (SELECT 1 FROM participant p WHERE p.session_id = s.id AND p.number = :participant)";
    private static final String WITH_PROXY =
            "EXISTS (SELECT 1 FROM participant p WHERE p.session_id = s.id AND p.proxy_number = :proxyNumber)";
    private static final String NAMED = "s.unique_name = :uniqueName";
    private static final String CREATED_AFTER = "s.created_at > :createdAfter";
    private static final String CREATED_BEFORE = "s.created_at < :createdBefore";
    private static final String PAGE_ORDER = "\nORDER BY s.created_at, s.public_id\nLIMIT :limit";

    private static final String CHANGE_LIFETIME = """
            UPDATE session
            SET ttl = :ttl, expires_at_fixed = :expiresAtFixed, updated_at = :now,
                -- A call on it holds its end back whatever the new lifetime says.
                expires_at = CASE WHEN call_hold_until > :expiresAt THEN call_hold_until ELSE :expiresAt END
            WHERE id = :id
            """;

    private static final String CHANGE_MODE = """
            UPDATE session SET mode = :mode, updated_at = :now WHERE id = :id
            """;

    private static final String CHANGE_CALLBACK = """
            UPDATE session SET callback_url = :callbackUrl, updated_at = :now WHERE id = :id
            """;

    private static final String REOPEN = """
            UPDATE session
            SET closed_at = NULL, close_reason = NULL, expires_at = :expiresAt, ttl_from = :now, updated_at = :now
            WHERE id = :id AND closed_at IS NOT NULL
            """;

    private static final String TOUCH = """
            UPDATE session SET updated_at = :now WHERE id = :id
            """;

    // Sliding lifetimes move with each interaction; an absolute end never moves.
    private static final String INTERACTED = """
            UPDATE session
            SET last_interaction_at = :now,
                ttl_from = :now,
                expires_at = CASE
                    WHEN ttl IS NULL THEN expires_at
                    -- A call on it holds its end back.
                    WHEN call_hold_until > :now + ttl * 1000
                         AND (expires_at_fixed IS NULL OR call_hold_until > expires_at_fixed) THEN call_hold_until
                    WHEN expires_at_fixed IS NOT NULL AND expires_at_fixed < :now + ttl * 1000 THEN expires_at_fixed
                    ELSE :now + ttl * 1000
                END
            WHERE id = :id AND closed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
              AND (last_interaction_at IS NULL OR last_interaction_at < :now)
            """;

    // A call put through holds the session's end back until the call can last no longer; a later
    // hold only ever extends it.
    private static final String HOLD_FOR_CALL = """
            UPDATE session
            SET call_hold_until = :until,
                expires_at = CASE WHEN expires_at IS NOT NULL AND expires_at < :until THEN :until ELSE expires_at END
            WHERE id = :id AND closed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
              AND (call_hold_until IS NULL OR call_hold_until < :until)
            """;

    // The call ended: the end goes back to what the lifetime says, which may already be past, and
    // then the session stops routing and the sweeper closes it as expired.
    private static final String CALL_ENDED = """
            UPDATE session
            SET call_hold_until = NULL,
                expires_at = CASE
                    WHEN ttl IS NULL THEN expires_at_fixed
                    WHEN expires_at_fixed IS NOT NULL
                         AND expires_at_fixed < COALESCE(ttl_from, created_at) + ttl * 1000 THEN expires_at_fixed
                    ELSE COALESCE(ttl_from, created_at) + ttl * 1000
                END
            WHERE id = :id AND closed_at IS NULL AND call_hold_until IS NOT NULL
            """;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batches;

    SessionRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A session row with its internal key, before participants are attached. */
    record Row(
            SessionKey key,
            SessionId id,
            ServiceId serviceId,
            String uniqueName,
            SessionMode mode,
            Duration ttl,
            Instant expiresAtFixed,
            Instant expiresAt,
            String metadata,
            VoiceOverrides voice,
            Instant createdAt,
            Instant updatedAt,
            Instant lastInteractionAt,
            Instant ttlFrom,
            Instant closedAt,
            CloseReason closeReason,
            URI callbackUrl) {

        Row withCallbackUrl(Optional<URI> url) {
            return new Row(
                    key,
                    id,
                    serviceId,
                    uniqueName,
                    mode,
                    ttl,
                    expiresAtFixed,
                    expiresAt,
                    metadata,
                    voice,
                    createdAt,
                    updatedAt,
                    lastInteractionAt,
                    ttlFrom,
                    closedAt,
                    closeReason,
                    url.orElse(null));
        }

        /** Where a sliding ttl counts from: the last interaction or re-opening, else the creation. */
        Instant lifetimeBase() {
            return ttlFrom != null ? ttlFrom : createdAt;
        }

        boolean isClosed() {
            return closedAt != null;
        }

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }

        /** Closed, or past its end whether or not the sweeper has closed it yet. */
        boolean isOverAt(Instant now) {
            return isClosed() || expiredAt(now);
        }

        SessionStatus statusAt(Instant now) {
            if (isOverAt(now)) {
                return SessionStatus.CLOSED;
            }
            return lastInteractionAt == null ? SessionStatus.OPEN : SessionStatus.IN_PROGRESS;
        }

        CloseReason reasonAt(Instant now) {
            if (closeReason != null) {
                return closeReason;
            }
            return expiredAt(now) ? CloseReason.EXPIRED : null;
        }

        ProxySession withParticipants(List<Participant> participants, Instant now) {
            return new ProxySession(
                    id,
                    serviceId,
                    uniqueName,
                    mode,
                    statusAt(now),
                    reasonAt(now),
                    ttl,
                    expiresAtFixed,
                    // A closed session routes no more, whatever its lifetime said.
                    isOverAt(now) ? null : expiresAt,
                    metadata,
                    voice,
                    createdAt,
                    updatedAt,
                    lastInteractionAt,
                    closedAt != null ? closedAt : expiredAt(now) ? expiresAt : null,
                    callbackUrl,
                    participants);
        }
    }

    SessionKey insert(
            SessionId id,
            ServiceId service,
            NewSession request,
            Duration ttl,
            Instant expiresAtFixed,
            Instant expiresAt,
            Instant now) {
        return new SessionKey(jdbc.sql(INSERT)
                .param("publicId", id.value())
                .param("serviceId", service.value())
                .param("uniqueName", request.uniqueName().orElse(null))
                .param("mode", request.mode().wire())
                .param("ttl", ttl == null ? null : ttl.toSeconds())
                .param("expiresAtFixed", millis(expiresAtFixed))
                .param("expiresAt", millis(expiresAt))
                .param("metadata", request.metadata())
                .param("voice", VoiceOverridesJson.write(request.voice()))
                .param(
                        "callbackUrl",
                        request.callbackUrl() == null
                                ? null
                                : request.callbackUrl().toString())
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single());
    }

    Optional<Row> find(ServiceId service, SessionId id) {
        return jdbc.sql(BY_PUBLIC_ID)
                .param("publicId", id.value())
                .param("serviceId", service.value())
                .query(SessionRows::toRow)
                .optional();
    }

    Optional<Row> findByKey(SessionKey key) {
        return jdbc.sql(BY_KEY)
                .param("id", key.value())
                .query(SessionRows::toRow)
                .optional();
    }

    Optional<Row> openByName(ServiceId service, String uniqueName) {
        return jdbc.sql(OPEN_BY_NAME)
                .param("serviceId", service.value())
                .param("uniqueName", uniqueName)
                .query(SessionRows::toRow)
                .optional();
    }

    long countOpenAt(ServiceId service, Instant now) {
        return jdbc.sql(COUNT_OPEN_IN_SERVICE)
                .param("serviceId", service.value())
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    List<Row> page(ServiceId service, SessionFilter filter, PageRequest request, Instant now) {
        List<String> where = new ArrayList<>(List.of(IN_SERVICE, AFTER_CURSOR));
        filter.status()
                .ifPresent(status -> where.add(
                        switch (status) {
                            case OPEN -> STATUS_OPEN;
                            case IN_PROGRESS -> STATUS_IN_PROGRESS;
                            case CLOSED -> STATUS_CLOSED;
                        }));
        filter.participant().ifPresent(p -> where.add(WITH_PARTICIPANT));
        filter.proxyNumber().ifPresent(p -> where.add(WITH_PROXY));
        filter.uniqueName().ifPresent(n -> where.add(NAMED));
        filter.createdAfter().ifPresent(t -> where.add(CREATED_AFTER));
        filter.createdBefore().ifPresent(t -> where.add(CREATED_BEFORE));
        Cursor after = request.after().orElse(new Cursor(Long.MIN_VALUE, ""));
        JdbcClient.StatementSpec sql = jdbc.sql(COLUMNS + "WHERE " + String.join("\n  AND ", where) + PAGE_ORDER)
                .param("serviceId", service.value())
                .param("afterCreated", after.createdAt())
                .param("afterId", after.id())
                .param("limit", request.fetchLimit());
        if (filter.status().isPresent()) {
            sql = sql.param("now", now.toEpochMilli());
        }
        if (filter.participant().isPresent()) {
            sql = sql.param("participant", filter.participant().get().e164());
        }
        if (filter.proxyNumber().isPresent()) {
            sql = sql.param("proxyNumber", filter.proxyNumber().get().e164());
        }
        if (filter.uniqueName().isPresent()) {
            sql = sql.param("uniqueName", filter.uniqueName().get());
        }
        if (filter.createdAfter().isPresent()) {
            sql = sql.param("createdAfter", filter.createdAfter().get().toEpochMilli());
        }
        if (filter.createdBefore().isPresent()) {
            sql = sql.param("createdBefore", filter.createdBefore().get().toEpochMilli());
        }
        return sql.query(SessionRows::toRow).list();
    }

    void changeLifetime(SessionKey key, Duration ttl, Instant expiresAtFixed, Instant expiresAt, Instant now) {
        jdbc.sql(CHANGE_LIFETIME)
                .param("id", key.value())
                .param("ttl", ttl == null ? null : ttl.toSeconds())
                .param("expiresAtFixed", millis(expiresAtFixed))
                .param("expiresAt", millis(expiresAt))
                .param("now", now.toEpochMilli())
                .update();
    }

    void changeMode(SessionKey key, SessionMode mode, Instant now) {
        jdbc.sql(CHANGE_MODE)
                .param("id", key.value())
                .param("mode", mode.wire())
                .param("now", now.toEpochMilli())
                .update();
    }

    void changeCallbackUrl(SessionKey key, URI callbackUrl, Instant now) {
        jdbc.sql(CHANGE_CALLBACK)
                .param("id", key.value())
                .param("callbackUrl", callbackUrl == null ? null : callbackUrl.toString())
                .param("now", now.toEpochMilli())
                .update();
    }

    boolean reopen(SessionKey key, Instant expiresAt, Instant now) {
        return jdbc.sql(REOPEN)
                        .param("id", key.value())
                        .param("expiresAt", millis(expiresAt))
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    void touch(SessionKey key, Instant now) {
        jdbc.sql(TOUCH)
                .param("id", key.value())
                .param("now", now.toEpochMilli())
                .update();
    }

    /**
     * Marks each session as having seen an interaction at its time, in one batch: on PostgreSQL the
     * statements travel together instead of a round trip each.
     */
    void interacted(Map<SessionKey, Instant> marks) {
        SqlParameterSource[] rows = marks.entrySet().stream()
                .map(mark -> new MapSqlParameterSource()
                        .addValue("id", mark.getKey().value())
                        .addValue("now", mark.getValue().toEpochMilli()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INTERACTED, rows);
    }

    void holdForCall(SessionKey key, Instant until, Instant now) {
        jdbc.sql(HOLD_FOR_CALL)
                .param("id", key.value())
                .param("until", until.toEpochMilli())
                .param("now", now.toEpochMilli())
                .update();
    }

    void callEnded(SessionKey key) {
        jdbc.sql(CALL_ENDED).param("id", key.value()).update();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Row toRow(ResultSet rs, int row) throws SQLException {
        long ttl = rs.getLong("ttl");
        Duration lifetime = rs.wasNull() ? null : Duration.ofSeconds(ttl);
        String reason = rs.getString("close_reason");
        String callbackUrl = rs.getString("callback_url");
        return new Row(
                new SessionKey(rs.getLong("id")),
                new SessionId(rs.getString("public_id")),
                new ServiceId(rs.getString("service_id")),
                rs.getString("unique_name"),
                SessionMode.of(rs.getString("mode")).orElseThrow(),
                lifetime,
                Columns.instant(rs, "expires_at_fixed"),
                Columns.instant(rs, "expires_at"),
                rs.getString("metadata"),
                VoiceOverridesJson.read(rs.getString("voice")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.instant(rs, "last_interaction_at"),
                Columns.instant(rs, "ttl_from"),
                Columns.instant(rs, "closed_at"),
                reason == null ? null : CloseReason.ofColumn(reason),
                callbackUrl == null ? null : URI.create(callbackUrl));
    }
}
