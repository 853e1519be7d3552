package org.callmask.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;
import org.callmask.service.ServiceId;
import org.callmask.system.StorageDialect;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox_event} table. */
@Repository
class OutboxRows {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, service_id, session_id, type, payload, callback_url, status,
                                      attempts, next_attempt_at, deliver_until, created_at, updated_at)
            VALUES (:id, :service, :session, :type, :payload, :callbackUrl, 'pending',
                    0, :now, :deliverUntil, :now, :now)
            """;

    // Takes due events for one delivery attempt each. An event waits while an earlier event of its
    // session is pending, so a session's events go out one at a time, in the order they were
    // written. The claim holds the event until it ends or its time runs out; on PostgreSQL, rows
    // another instance is claiming at this moment are skipped rather than waited for. Candidates
    // are the first thousand entries of the due index, in its own order, so however large the
    // backlog, a claim reads no more. The time test is applied to them, not to the index: asked
    // which pending events are due by now, PostgreSQL estimated from statistics taken while the
    // outbox was small, expected fewer than a thousand, and read and sorted every pending event
    // instead (220 ms per claim with 200,000 pending, against 11 ms, until the next ANALYZE).
    // Those taken are the earliest due, in the index's order too: ordered by seq alone, PostgreSQL
    // walked the whole table in seq order, past every delivered event, to meet the candidates
    // (200 ms per claim with 60,000 delivered), rather than start from the thousand candidates.
    private static final String CLAIM = """
            UPDATE outbox_event
            SET claimed_by = :claim, claimed_until = :until, attempts = attempts + 1, updated_at = :now
            WHERE seq IN (
                SELECT e.seq
                FROM outbox_event e
                WHERE e.seq IN (SELECT due.seq FROM outbox_event due
                                WHERE due.status = 'pending'
                                ORDER BY due.next_attempt_at, due.seq
                                LIMIT 1000)
                  AND e.status = 'pending'
                  AND e.next_attempt_at <= :now
                  AND (e.claimed_until IS NULL OR e.claimed_until <= :now)
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox_event earlier
                      WHERE earlier.session_id = e.session_id
                        AND earlier.status = 'pending'
                        AND earlier.seq < e.seq)
                ORDER BY e.next_attempt_at, e.seq
                LIMIT :limit
                %s)
            RETURNING seq, id, service_id, session_id, type, payload, callback_url, attempts, deliver_until,
                      created_at
            """;

    private static final String DELIVERED = """
            UPDATE outbox_event
            SET status = 'delivered', delivered_at = :now, last_error = NULL,
                claimed_by = NULL, claimed_until = NULL, updated_at = :now
            WHERE seq = :seq AND claimed_by = :claim
            """;

    private static final String RETRY = """
            UPDATE outbox_event
            SET next_attempt_at = :next, last_error = :error,
                claimed_by = NULL, claimed_until = NULL, updated_at = :now
            WHERE seq = :seq AND claimed_by = :claim
            """;

    private static final String FAILED = """
            UPDATE outbox_event
            SET status = 'failed', last_error = :error,
                claimed_by = NULL, claimed_until = NULL, updated_at = :now
            WHERE seq = :seq AND claimed_by = :claim
            """;

    // An event being delivered keeps its claim, so no other instance sends it at the same time; it
    // goes out again once that attempt has ended.
    private static final String REDELIVER = """
            UPDATE outbox_event
            SET status = 'pending', attempts = 0, next_attempt_at = :now, deliver_until = :deliverUntil,
                delivered_at = NULL, updated_at = :now
            WHERE service_id = :service AND id = :id
            """;

    private static final String COLUMNS = """
            SELECT id, service_id, session_id, type, payload, status, attempts, next_attempt_at, last_error,
                   created_at, updated_at, delivered_at
            FROM outbox_event
            """;

    private static final String BY_ID = COLUMNS + "WHERE service_id = :service AND id = :id";

    private static final String PAGE = COLUMNS + """
            WHERE service_id = :service
              AND (created_at > :afterCreated OR (created_at = :afterCreated AND id > :afterId))
              AND (:anyStatus = 1 OR status = :status)
            ORDER BY created_at, id
            LIMIT :limit
            """;

    private static final String PENDING_BY_SERVICE = """
            SELECT service_id, COUNT(*) AS pending
            FROM outbox_event
            WHERE status = 'pending'
            GROUP BY service_id
            """;

    // In batches, so the purge never holds SQLite's writer for long.
    private static final String PURGE = """
            DELETE FROM outbox_event
            WHERE seq IN (SELECT seq FROM outbox_event
                          WHERE status <> 'pending' AND updated_at < :cutoff
                          LIMIT :limit)
            """;

    private static final String COUNTS = """
            SELECT service_id, status, COUNT(*) AS n FROM outbox_event GROUP BY service_id, status
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final String claim;

    OutboxRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.claim = CLAIM.formatted(dialect == StorageDialect.POSTGRESQL ? "FOR UPDATE SKIP LOCKED" : "");
    }

    /** An event taken for one attempt. */
    record Claimed(
            long seq,
            EventId id,
            ServiceId serviceId,
            String sessionId,
            String type,
            String payload,
            String callbackUrl,
            int attempts,
            Instant deliverUntil,
            Instant createdAt) {}

    /** An event to write, with the exact body it will be delivered with. */
    record NewEvent(
            EventId id,
            ServiceId service,
            String sessionId,
            String type,
            String payload,
            String callbackUrl,
            Instant at,
            Instant deliverUntil) {}

    /** Writes the events as one batch, in their order, inside the caller's transaction. */
    void insert(List<NewEvent> events) {
        SqlParameterSource[] batch = events.stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("id", e.id().value())
                        .addValue("service", e.service().value())
                        .addValue("session", e.sessionId())
                        .addValue("type", e.type())
                        .addValue("payload", e.payload())
                        .addValue("callbackUrl", e.callbackUrl())
                        .addValue("now", e.at().toEpochMilli())
                        .addValue("deliverUntil", e.deliverUntil().toEpochMilli()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, batch);
    }

    List<Claimed> claim(String claimId, int limit, Instant now, Instant until) {
        return jdbc.sql(claim)
                .param("claim", claimId)
                .param("until", until.toEpochMilli())
                .param("now", now.toEpochMilli())
                .param("limit", limit)
                .query((rs, row) -> new Claimed(
                        rs.getLong("seq"),
                        new EventId(rs.getString("id")),
                        new ServiceId(rs.getString("service_id")),
                        rs.getString("session_id"),
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getString("callback_url"),
                        rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("deliver_until")),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    /**
     * Marks the events delivered in one batch (on PostgreSQL one round trip, not one per event).
     *
     * @return those this claim still held, and so were marked; not those whose claim had run out
     *     and another instance took
     */
    List<Claimed> delivered(List<Claimed> events, String claimId, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] rows = events.stream()
                .map(event -> new MapSqlParameterSource()
                        .addValue("seq", event.seq())
                        .addValue("claim", claimId)
                        .addValue("now", now.toEpochMilli()))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batches.batchUpdate(DELIVERED, rows);
        List<Claimed> marked = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                marked.add(events.get(i));
            }
        }
        return marked;
    }

    boolean retry(Claimed event, String claimId, String error, Instant next, Instant now) {
        return jdbc.sql(RETRY)
                        .param("seq", event.seq())
                        .param("claim", claimId)
                        .param("error", error)
                        .param("next", next.toEpochMilli())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    boolean failed(Claimed event, String claimId, String error, Instant now) {
        return jdbc.sql(FAILED)
                        .param("seq", event.seq())
                        .param("claim", claimId)
                        .param("error", error)
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    boolean redeliver(ServiceId service, EventId id, Instant now, Instant deliverUntil) {
        return jdbc.sql(REDELIVER)
                        .param("service", service.value())
                        .param("id", id.value())
                        .param("now", now.toEpochMilli())
                        .param("deliverUntil", deliverUntil.toEpochMilli())
                        .update()
                == 1;
    }

    Optional<OutboxEvent> find(ServiceId service, EventId id) {
        return jdbc.sql(BY_ID)
                .param("service", service.value())
                .param("id", id.value())
                .query(OutboxRows::toEvent)
                .optional();
    }

    List<OutboxEvent> page(ServiceId service, Optional<EventStatus> status, PageRequest request) {
        Cursor after = request.after().orElse(new Cursor(Long.MIN_VALUE, ""));
        return jdbc.sql(PAGE)
                .param("service", service.value())
                .param("afterCreated", after.createdAt())
                .param("afterId", after.id())
                .param("anyStatus", status.isPresent() ? 0 : 1)
                .param("status", status.map(EventStatus::wire).orElse(""))
                .param("limit", request.fetchLimit())
                .query(OutboxRows::toEvent)
                .list();
    }

    Map<ServiceId, Long> pendingByService() {
        return jdbc
                .sql(PENDING_BY_SERVICE)
                .query((rs, row) -> Map.entry(new ServiceId(rs.getString("service_id")), rs.getLong("pending")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    int purgeFinishedBefore(Instant cutoff, int limit) {
        return jdbc.sql(PURGE)
                .param("cutoff", cutoff.toEpochMilli())
                .param("limit", limit)
                .update();
    }

    private static OutboxEvent toEvent(ResultSet rs, int row) throws SQLException {
        long delivered = rs.getLong("delivered_at");
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new OutboxEvent(
                new EventId(rs.getString("id")),
                new ServiceId(rs.getString("service_id")),
                rs.getString("session_id"),
                rs.getString("type"),
                rs.getString("payload"),
                EventStatus.of(rs.getString("status")).orElseThrow(),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                deliveredAt);
    }

    java.util.Map<String, java.util.Map<String, Long>> countsByServiceAndStatus() {
        java.util.Map<String, java.util.Map<String, Long>> out = new java.util.LinkedHashMap<>();
        jdbc.sql(COUNTS)
                .query((rs, i) -> out.computeIfAbsent(rs.getString("service_id"), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString("status"), rs.getLong("n")))
                .list();
        return out;
    }
}
