package org.callmask.interaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.ParticipantId;
import org.callmask.session.SessionId;
import org.callmask.session.SessionKey;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code interaction} and {@code interaction_status} tables. */
@Repository
class InteractionRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INSERT = """
            INSERT INTO interaction (id, service_id, session_key, session_id, type, from_participant,
                                     to_participant, proxy_number, inbound_ref, outcome, reason, body,
                                     media_urls, token_hash, connect_token_hash, callback_url, origin,
                                     idempotency_key, request_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String COLUMNS = """
            SELECT id, service_id, session_id, type, from_participant, to_participant, proxy_number,
                   inbound_ref, outbound_ref, outcome, reason, status, duration_seconds, end_reason,
                   recording_url, body, media_urls, created_at, updated_at, origin
            FROM interaction
            """;

    private static final String BY_IDEMPOTENCY_KEY = COLUMNS + "WHERE service_id = :service AND idempotency_key = :key";

    private static final String REQUEST_HASH =
            "SELECT request_hash FROM interaction WHERE service_id = :service AND idempotency_key = :key";

    // The contact stays on record; only a new request with the key may send again.
    private static final String RELEASE_KEY = """
            UPDATE interaction SET idempotency_key = NULL, request_hash = NULL, updated_at = :now
            WHERE service_id = :service AND id = :id
            """;

    private static final String BY_ID = COLUMNS + "WHERE service_id = :service AND id = :id";

    // Keyset pagination in creation order; the filters are switched on by their flags.
    private static final String PAGE = COLUMNS + """
            WHERE service_id = :service
              AND (created_at > :afterCreated OR (created_at = :afterCreated AND id > :afterId))
              AND (:anySession = 1 OR session_id = :sessionId)
              AND (:anyType = 1 OR type = :type)
              AND (:anyOutcome = 1 OR outcome = :outcome)
              AND (:anyAfter = 1 OR created_at >= :createdAfter)
              AND (:anyBefore = 1 OR created_at < :createdBefore)
            ORDER BY created_at, id
            LIMIT :limit
            """;

    // One session's, by its own index: the general query's switched filters would scan the
    // service's whole history.
    private static final String PAGE_OF_SESSION = COLUMNS + """
            WHERE session_key = (SELECT id FROM session WHERE public_id = :sessionId)
              AND service_id = :service
              AND (created_at > :afterCreated OR (created_at = :afterCreated AND id > :afterId))
            ORDER BY created_at, id
            LIMIT :limit
            """;

    private static final String HISTORIES = """
            SELECT interaction_id, status, at
            FROM interaction_status
            WHERE interaction_id IN (:ids)
            ORDER BY interaction_id, at, status
            """;

    private static final String TARGET = """
            SELECT id, type, status, service_id, session_key, session_id, callback_url,
                   token_hash, connect_token_hash, connected_at
            FROM interaction
            """;

    // By the id the status token names; the token is then checked against the stored hash.
    private static final String BY_TOKEN = TARGET + "WHERE id = :id";

    private static final String BY_CONNECT_TOKEN = TARGET + "WHERE connect_token_hash = :tokenHash";

    // Once: a second fetch of the connect URL, or one after the call ended, connects no one.
    private static final String CLAIM_CONNECT = """
            UPDATE interaction
            SET connected_at = :now, updated_at = :now
            WHERE connect_token_hash = :tokenHash AND connected_at IS NULL AND COALESCE(status, '') <> 'ended'
            """;

    // The status moves only to the one the caller read as current, so two callbacks applied at once
    // cannot move it back; the other fields only fill in, the first report of each winning.
    private static final String APPLY = """
            UPDATE interaction
            SET status = :status,
                outbound_ref = COALESCE(outbound_ref, :outboundRef),
                duration_seconds = COALESCE(duration_seconds, :duration),
                end_reason = COALESCE(end_reason, :endReason),
                recording_url = COALESCE(recording_url, :recordingUrl),
                updated_at = :now
            WHERE id = :id AND COALESCE(status, '') = :current
            """;

    private static final String SET_DURATION = """
            UPDATE interaction SET duration_seconds = :duration, updated_at = :now WHERE id = :id
            """;

    private static final String APPEND_STATUS = """
            INSERT INTO interaction_status (interaction_id, status, at)
            VALUES (:id, :status, :at)
            ON CONFLICT (interaction_id, status) DO NOTHING
            """;

    private static final String STATUS_AT = """
            SELECT at FROM interaction_status WHERE interaction_id = :id AND status = :status
            """;

    // In batches, so the purge never holds SQLite's writer for long.
    private static final String DELETE_OUTSIDE_SESSIONS = """
            DELETE FROM interaction
            WHERE id IN (SELECT id FROM interaction
                         WHERE session_key IS NULL AND created_at < :cutoff
                         LIMIT :limit)
            """;

    private static final String DELETE = "DELETE FROM interaction WHERE service_id = :service AND id = :id";

    private static final String DELETE_OF_SESSIONS = "DELETE FROM interaction WHERE session_key IN (:sessions)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    InteractionRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * An interaction about to be written, with its id and the hashes of its tokens.
     *
     * @param connectTokenHash that of the connect URL of a call the platform started; null for others
     * @param requestHash the fingerprint of the platform's request, kept with its idempotency key
     */
    record Pending(
            InteractionId id,
            NewInteraction interaction,
            String tokenHash,
            String connectTokenHash,
            String requestHash,
            Instant at) {

        Pending(InteractionId id, NewInteraction interaction, String tokenHash, Instant at) {
            this(id, interaction, tokenHash, null, null, at);
        }
    }

    /** Which of a call's legs a status callback reports on, as its token tells. */
    enum Leg {
        /** The one leg of a webhook's call or of a message. */
        ONLY,
        /** The first participant's leg of a call the platform started, dialled by CallMask. */
        FIRST,
        /** The other participant's leg of a call the platform started, named by its connect token. */
        SECOND
    }

    /**
     * What a status callback needs to know of the interaction its token names.
     *
     * @param connected whether the connect URL of a call the platform started was answered with a
     *     connection
     */
    record Target(
            InteractionId id,
            InteractionType type,
            InteractionStatus status,
            ServiceId service,
            SessionKey sessionKey,
            SessionId sessionId,
            String callbackUrl,
            String tokenHash,
            Leg leg,
            boolean connected) {}

    /**
     * Writes the interactions as one batch, inside the caller's transaction: positional
     * parameters, bound straight from each record, with no map and no named-parameter parse per row.
     */
    void insert(List<Pending> pending) {
        batches.getJdbcTemplate().batchUpdate(INSERT, pending, pending.size(), (ps, p) -> {
            NewInteraction i = p.interaction();
            long at = p.at().toEpochMilli();
            ps.setString(1, p.id().value());
            ps.setString(2, i.service().value());
            ps.setObject(3, i.sessionKey() == null ? null : i.sessionKey().value());
            ps.setString(4, i.sessionId() == null ? null : i.sessionId().value());
            ps.setString(5, i.type().wire());
            ps.setString(6, i.from() == null ? null : i.from().value());
            ps.setString(7, i.to() == null ? null : i.to().value());
            ps.setString(8, i.proxyNumber().e164());
            ps.setString(9, i.inboundRef());
            ps.setString(10, i.outcome().wire());
            ps.setString(11, i.reason());
            ps.setString(12, i.body());
            ps.setString(13, i.mediaUrls().isEmpty() ? null : JSON.writeValueAsString(i.mediaUrls()));
            ps.setString(14, p.tokenHash());
            ps.setString(15, p.connectTokenHash());
            ps.setString(16, i.callbackUrl() == null ? null : i.callbackUrl().toString());
            ps.setString(17, i.origin().wire());
            ps.setString(18, i.idempotencyKey());
            ps.setString(19, i.idempotencyKey() == null ? null : p.requestHash());
            ps.setLong(20, at);
            ps.setLong(21, at);
        });
    }

    Optional<Interaction> find(ServiceId service, InteractionId id) {
        List<Interaction> found = withHistories(jdbc.sql(BY_ID)
                .param("service", service.value())
                .param("id", id.value())
                .query(InteractionRows::toRow)
                .list());
        return found.stream().findFirst();
    }

    /** @return the fingerprint kept with the key; empty when no contact has it, or none was kept */
    Optional<String> requestHash(ServiceId service, String key) {
        return jdbc.sql(REQUEST_HASH)
                .param("service", service.value())
                .param("key", key)
                .query((rs, i) -> Optional.ofNullable(rs.getString("request_hash")))
                .optional()
                .flatMap(hash -> hash);
    }

    void releaseIdempotencyKey(ServiceId service, InteractionId id, Instant now) {
        jdbc.sql(RELEASE_KEY)
                .param("service", service.value())
                .param("id", id.value())
                .param("now", now.toEpochMilli())
                .update();
    }

    Optional<Interaction> findByIdempotencyKey(ServiceId service, String key) {
        List<Interaction> found = withHistories(jdbc.sql(BY_IDEMPOTENCY_KEY)
                .param("service", service.value())
                .param("key", key)
                .query(InteractionRows::toRow)
                .list());
        return found.stream().findFirst();
    }

    List<Interaction> page(ServiceId service, InteractionFilter filter, PageRequest request) {
        Cursor after = request.after().orElse(new Cursor(Long.MIN_VALUE, ""));
        if (filter.sessionId().isPresent()
                && filter.equals(InteractionFilter.ofSession(filter.sessionId().get()))) {
            return withHistories(jdbc.sql(PAGE_OF_SESSION)
                    .param("sessionId", filter.sessionId().orElseThrow().value())
                    .param("service", service.value())
                    .param("afterCreated", after.createdAt())
                    .param("afterId", after.id())
                    .param("limit", request.fetchLimit())
                    .query(InteractionRows::toRow)
                    .list());
        }
        return withHistories(jdbc.sql(PAGE)
                .param("service", service.value())
                .param("afterCreated", after.createdAt())
                .param("afterId", after.id())
                .param("anySession", filter.sessionId().isPresent() ? 0 : 1)
                .param("sessionId", filter.sessionId().map(SessionId::value).orElse(""))
                .param("anyType", filter.type().isPresent() ? 0 : 1)
                .param("type", filter.type().map(InteractionType::wire).orElse(""))
                .param("anyOutcome", filter.outcome().isPresent() ? 0 : 1)
                .param("outcome", filter.outcome().map(Outcome::wire).orElse(""))
                .param("anyAfter", filter.createdAfter().isPresent() ? 0 : 1)
                .param(
                        "createdAfter",
                        filter.createdAfter().map(Instant::toEpochMilli).orElse(0L))
                .param("anyBefore", filter.createdBefore().isPresent() ? 0 : 1)
                .param(
                        "createdBefore",
                        filter.createdBefore().map(Instant::toEpochMilli).orElse(0L))
                .param("limit", request.fetchLimit())
                .query(InteractionRows::toRow)
                .list());
    }

    /** The interaction a status token names, when the token is its own. */
    Optional<Target> byToken(InteractionId id, String tokenHash) {
        return target(jdbc.sql(BY_TOKEN).param("id", id.value()), false)
                .filter(t -> StatusToken.matches(t.tokenHash(), tokenHash));
    }

    Optional<Target> byConnectToken(String tokenHash) {
        return target(jdbc.sql(BY_CONNECT_TOKEN).param("tokenHash", tokenHash), true);
    }

    /** @return false when the call was connected before, has ended, or no call has this token */
    boolean claimConnect(String connectTokenHash, Instant now) {
        return jdbc.sql(CLAIM_CONNECT)
                        .param("tokenHash", connectTokenHash)
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    private Optional<Target> target(JdbcClient.StatementSpec statement, boolean connectToken) {
        return statement
                .query((rs, i) -> {
                    InteractionType type =
                            InteractionType.of(rs.getString("type")).orElseThrow();
                    String status = rs.getString("status");
                    String session = rs.getString("session_id");
                    long key = rs.getLong("session_key");
                    SessionKey sessionKey = rs.wasNull() ? null : new SessionKey(key);
                    boolean twoLegs = rs.getString("connect_token_hash") != null;
                    rs.getLong("connected_at");
                    boolean connected = !rs.wasNull();
                    return new Target(
                            new InteractionId(rs.getString("id")),
                            type,
                            status == null ? null : InteractionStatus.of(status).orElse(null),
                            new ServiceId(rs.getString("service_id")),
                            sessionKey,
                            session == null ? null : new SessionId(session),
                            rs.getString("callback_url"),
                            rs.getString("token_hash"),
                            connectToken ? Leg.SECOND : twoLegs ? Leg.FIRST : Leg.ONLY,
                            connected);
                })
                .optional();
    }

    /**
     * Applies a report to the interaction, provided its status is still {@code current}.
     *
     * @return false when another report changed the status meanwhile
     */
    boolean apply(Target target, InteractionStatus status, StatusReport report, Instant now) {
        return jdbc.sql(APPLY)
                        .param("id", target.id().value())
                        .param(
                                "current",
                                target.status() == null ? "" : target.status().wire())
                        .param("status", status == null ? null : status.wire())
                        .param("outboundRef", report.outboundRef().orElse(null))
                        .param("duration", report.durationSeconds().orElse(null))
                        .param("endReason", report.endReason().orElse(null))
                        .param("recordingUrl", report.recordingUrl().orElse(null))
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    /** @return false when the interaction had reached this status before: the first report stands */
    boolean appendStatus(InteractionId id, InteractionStatus status, Instant at) {
        return jdbc.sql(APPEND_STATUS)
                        .param("id", id.value())
                        .param("status", status.wire())
                        .param("at", at.toEpochMilli())
                        .update()
                == 1;
    }

    void setDuration(InteractionId id, int seconds, Instant now) {
        jdbc.sql(SET_DURATION)
                .param("id", id.value())
                .param("duration", seconds)
                .param("now", now.toEpochMilli())
                .update();
    }

    /** When the interaction first reached {@code status}, if it did. */
    Optional<Instant> statusAt(InteractionId id, InteractionStatus status) {
        return jdbc.sql(STATUS_AT)
                .param("id", id.value())
                .param("status", status.wire())
                .query((rs, i) -> Instant.ofEpochMilli(rs.getLong("at")))
                .optional();
    }

    void deleteOfSessions(List<SessionKey> sessions) {
        jdbc.sql(DELETE_OF_SESSIONS)
                .param("sessions", sessions.stream().map(SessionKey::value).toList())
                .update();
    }

    int deleteOutsideSessions(long cutoff, int limit) {
        return jdbc.sql(DELETE_OUTSIDE_SESSIONS)
                .param("cutoff", cutoff)
                .param("limit", limit)
                .update();
    }

    boolean delete(ServiceId service, InteractionId id) {
        return jdbc.sql(DELETE)
                        .param("service", service.value())
                        .param("id", id.value())
                        .update()
                == 1;
    }

    private List<Interaction> withHistories(List<Interaction> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<StatusChange>> histories =
                histories(found.stream().map(i -> i.id().value()).toList());
        return found.stream()
                .map(i -> i.withStatusHistory(histories.getOrDefault(i.id().value(), List.of())))
                .toList();
    }

    private Map<String, List<StatusChange>> histories(Collection<String> ids) {
        Map<String, List<StatusChange>> out = new LinkedHashMap<>();
        jdbc.sql(HISTORIES)
                .param("ids", List.copyOf(ids))
                .query((rs, i) -> {
                    out.computeIfAbsent(rs.getString("interaction_id"), k -> new ArrayList<>())
                            .add(new StatusChange(rs.getString("status"), Instant.ofEpochMilli(rs.getLong("at"))));
                    return null;
                })
                .list();
        // Statuses reported within the same millisecond stand in the order a contact goes through them.
        out.values()
                .forEach(history -> history.sort(Comparator.comparing(StatusChange::at)
                        .thenComparingInt(change -> InteractionStatus.of(change.status())
                                .map(Enum::ordinal)
                                .orElse(Integer.MAX_VALUE))));
        return out;
    }

    /** An interaction as its row holds it, its history not yet attached. */
    private static Interaction toRow(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        String sessionId = rs.getString("session_id");
        String from = rs.getString("from_participant");
        String to = rs.getString("to_participant");
        String status = rs.getString("status");
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return new Interaction(
                new InteractionId(id),
                new ServiceId(rs.getString("service_id")),
                sessionId == null ? null : new SessionId(sessionId),
                InteractionType.of(rs.getString("type")).orElseThrow(),
                from == null ? null : new ParticipantId(from),
                to == null ? null : new ParticipantId(to),
                new PhoneNumber(rs.getString("proxy_number")),
                rs.getString("inbound_ref"),
                rs.getString("outbound_ref"),
                Outcome.of(rs.getString("outcome")).orElseThrow(),
                rs.getString("reason"),
                status == null ? null : InteractionStatus.of(status).orElse(null),
                List.of(),
                durationSeconds,
                rs.getString("end_reason"),
                rs.getString("recording_url"),
                rs.getString("body"),
                media(rs.getString("media_urls")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                Origin.of(rs.getString("origin")));
    }

    private static List<String> media(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
