package org.callmask.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code participant} table as the v1 API reads and changes it. */
@Repository
class ParticipantRows {

    private static final String INSERT = """
            INSERT INTO participant (id, session_id, number, name, proxy_number, created_at, updated_at, position)
            VALUES (:id, :sessionId, :number, :name, :proxy, :now, :now,
                    (SELECT COUNT(*) FROM participant WHERE session_id = :sessionId))
            """;

    private static final String OF_SESSIONS = """
            SELECT id, session_id, number, name, proxy_number, created_at, updated_at, released_at, removed_at
            FROM participant
            WHERE session_id IN (:sessions)
            ORDER BY session_id, position, created_at, id
            """;

    // Newest first: the sticky choice wants the number last had with the same other participant,
    // and the cool-off the numbers released recently with anyone else.
    private static final String HISTORY = """
            SELECT me.number, me.proxy_number, me.created_at, me.released_at,
                   CASE WHEN EXISTS (SELECT 1 FROM participant o
                                     WHERE o.session_id = me.session_id AND o.id <> me.id AND o.number = :other)
                        THEN 1 ELSE 0 END AS with_other
            FROM participant me
            WHERE me.number = :number
            ORDER BY me.created_at DESC
            LIMIT :limit
            """;

    // The same for a new session's two participants, each the other's other, in one round trip.
    private static final String HISTORY_OF_TWO = """
            SELECT * FROM (
                SELECT me.number, me.proxy_number, me.created_at, me.released_at,
                       CASE WHEN EXISTS (SELECT 1 FROM participant o
                                         WHERE o.session_id = me.session_id AND o.id <> me.id AND o.number = :second)
                            THEN 1 ELSE 0 END AS with_other
                FROM participant me
                WHERE me.number = :first
                ORDER BY me.created_at DESC
                LIMIT :limit) AS of_first
            UNION ALL
            SELECT * FROM (
                SELECT me.number, me.proxy_number, me.created_at, me.released_at,
                       CASE WHEN EXISTS (SELECT 1 FROM participant o
                                         WHERE o.session_id = me.session_id AND o.id <> me.id AND o.number = :first)
                            THEN 1 ELSE 0 END AS with_other
                FROM participant me
                WHERE me.number = :second
                ORDER BY me.created_at DESC
                LIMIT :limit) AS of_second
            """;

    // Released recently, in a session with someone other than the new other participant.
    private static final String COOLING_OFF = """
            SELECT DISTINCT me.proxy_number
            FROM participant me
            WHERE me.number = :number
              AND me.released_at > :since
              AND NOT EXISTS (SELECT 1 FROM participant o
                              WHERE o.session_id = me.session_id AND o.id <> me.id AND o.number = :other)
            """;

    private static final String RELEASE = """
            UPDATE participant
            SET released_at = :now, updated_at = :now
            WHERE id = :id AND released_at IS NULL
            """;

    private static final String MARK_REMOVED = """
            UPDATE participant
            SET removed_at = :now, updated_at = :now
            WHERE id = :id AND removed_at IS NULL
            """;

    private static final String RESTORE_ROUTE = """
            UPDATE participant
            SET released_at = NULL, proxy_number = :proxy, updated_at = :now
            WHERE id = :id AND released_at IS NOT NULL AND removed_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    ParticipantRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A participant row with its route state. */
    record Row(SessionKey session, Participant participant, Instant releasedAt) {

        boolean hasRoute() {
            return releasedAt == null;
        }
    }

    /**
     * One participation of a number, current or earlier.
     *
     * @param releasedAt when its route was released; {@code null} while it holds it
     * @param withOther whether the session's other participant was the one asked about
     */
    record Past(PhoneNumber proxy, Instant createdAt, Instant releasedAt, boolean withOther) {

        boolean coolingOffSince(Instant since) {
            return releasedAt != null && releasedAt.isAfter(since) && !withOther;
        }
    }

    /** A participant to write, with the proxy number chosen for it. */
    record NewRow(ParticipantId id, NewParticipant participant, PhoneNumber proxy) {}

    /** Writes a session's new participants in the order given, as one batch: one round trip. */
    void insert(SessionKey session, List<NewRow> rows, Instant now) {
        SqlParameterSource[] batch = rows.stream()
                .map(row -> new MapSqlParameterSource()
                        .addValue("id", row.id().value())
                        .addValue("sessionId", session.value())
                        .addValue("number", row.participant().number().e164())
                        .addValue("name", row.participant().name())
                        .addValue("proxy", row.proxy().e164())
                        .addValue("now", now.toEpochMilli()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, batch);
    }

    Map<SessionKey, List<Row>> ofSessions(Collection<SessionKey> sessions) {
        Map<SessionKey, List<Row>> out = new LinkedHashMap<>();
        sessions.forEach(s -> out.put(s, new ArrayList<>()));
        if (sessions.isEmpty()) {
            return out;
        }
        jdbc.sql(OF_SESSIONS)
                .param("sessions", sessions.stream().map(SessionKey::value).toList())
                .query(ParticipantRows::toRow)
                .list()
                .forEach(row -> out.get(row.session()).add(row));
        return out;
    }

    List<Row> ofSession(SessionKey session) {
        return ofSessions(List.of(session)).get(session);
    }

    List<Past> history(PhoneNumber number, Optional<PhoneNumber> other, int limit) {
        return jdbc.sql(HISTORY)
                .param("number", number.e164())
                .param("other", other.map(PhoneNumber::e164).orElse(""))
                .param("limit", limit)
                .query(ParticipantRows::toPast)
                .list();
    }

    /** {@link #history} of two numbers, each with the other as its other participant. */
    Map<PhoneNumber, List<Past>> historyOfTwo(PhoneNumber first, PhoneNumber second, int limit) {
        Map<PhoneNumber, List<Past>> out = new LinkedHashMap<>();
        out.put(first, new ArrayList<>());
        out.put(second, new ArrayList<>());
        jdbc.sql(HISTORY_OF_TWO)
                .param("first", first.e164())
                .param("second", second.e164())
                .param("limit", limit)
                .query((rs, i) -> Map.entry(new PhoneNumber(rs.getString("number")), toPast(rs, i)))
                .list()
                .forEach(e -> out.get(e.getKey()).add(e.getValue()));
        return out;
    }

    private static Past toPast(ResultSet rs, int row) throws SQLException {
        return new Past(
                new PhoneNumber(rs.getString("proxy_number")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "released_at"),
                rs.getInt("with_other") == 1);
    }

    Set<PhoneNumber> coolingOff(PhoneNumber number, Optional<PhoneNumber> other, Instant since) {
        return jdbc.sql(COOLING_OFF)
                .param("number", number.e164())
                .param("other", other.map(PhoneNumber::e164).orElse(""))
                .param("since", since.toEpochMilli())
                .query((rs, i) -> new PhoneNumber(rs.getString("proxy_number")))
                .set();
    }

    boolean release(ParticipantId id, Instant now) {
        return jdbc.sql(RELEASE)
                        .param("id", id.value())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    boolean markRemoved(ParticipantId id, Instant now) {
        return jdbc.sql(MARK_REMOVED)
                        .param("id", id.value())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    boolean restoreRoute(ParticipantId id, PhoneNumber proxy, Instant now) {
        return jdbc.sql(RESTORE_ROUTE)
                        .param("id", id.value())
                        .param("proxy", proxy.e164())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    private static Row toRow(ResultSet rs, int row) throws SQLException {
        return new Row(
                new SessionKey(rs.getLong("session_id")),
                new Participant(
                        new ParticipantId(rs.getString("id")),
                        new PhoneNumber(rs.getString("number")),
                        rs.getString("name"),
                        new PhoneNumber(rs.getString("proxy_number")),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "updated_at"),
                        Columns.instant(rs, "removed_at")),
                Columns.instant(rs, "released_at"));
    }
}
