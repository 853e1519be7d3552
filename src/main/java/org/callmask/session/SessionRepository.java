package org.callmask.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

    private static final String INSERT_SESSION = """
            INSERT INTO session (pair_key, created_at, expires_at)
            VALUES (:pairKey, :createdAt, :expiresAt)
            RETURNING id
            """;

    private static final String INSERT_PAIR = """
            INSERT INTO participant (session_id, role, number, proxy_number)
            VALUES (:sessionId, 'client', :client, :proxy),
                   (:sessionId, 'contractor', :contractor, :proxy)
            """;

    private static final String MASK_COLUMNS = """
            SELECT s.id, s.created_at, s.expires_at, s.close_reason,
                   c.number AS client, k.number AS contractor, c.proxy_number AS mask
            FROM session s
            JOIN participant c ON c.session_id = s.id AND c.role = 'client'
            JOIN participant k ON k.session_id = s.id AND k.role = 'contractor'
            """;

    private static final String LAST_PROXY_OF_PAIR = """
            SELECT c.proxy_number
            FROM session s
            JOIN participant c ON c.session_id = s.id AND c.role = 'client'
            WHERE s.pair_key = :pairKey
            ORDER BY s.id DESC
            LIMIT 1
            """;

    // Deleted masks are gone from the seed's listing; expired ones stay until retention purges them.
    private static final String MASKS_ON_NUMBER = MASK_COLUMNS + """
            WHERE c.proxy_number = :mask
              AND (s.close_reason IS NULL OR s.close_reason = 'expired')
            ORDER BY s.id
            """;

    // Everything opening a mask needs to know about its two participants, in one read.
    private static final String ACTIVE_ROUTES_OF = """
            SELECT p.number, p.proxy_number, s.id, s.pair_key, s.created_at, s.expires_at
            FROM participant p
            JOIN session s ON s.id = p.session_id
            WHERE p.number IN (:numbers) AND p.released_at IS NULL AND s.closed_at IS NULL
            """;

    private static final String ROUTE = """
            SELECT me.session_id, other.number AS callee, other.proxy_number AS callee_proxy
            FROM participant me
            JOIN session s ON s.id = me.session_id
            JOIN participant other ON other.session_id = me.session_id AND other.role <> me.role
            WHERE me.proxy_number = :proxy
              AND me.number = :caller
              AND me.released_at IS NULL
              AND s.closed_at IS NULL
              AND s.expires_at > :now
            """;

    private static final String DUE_SESSIONS_OF_NUMBERS = """
            SELECT DISTINCT s.id, s.expires_at
            FROM participant p
            JOIN session s ON s.id = p.session_id
            WHERE p.number IN (:numbers)
              AND p.released_at IS NULL
              AND s.closed_at IS NULL
              AND s.expires_at <= :now
            """;

    private static final String OPEN_SESSIONS_ON_PROXY = """
            SELECT DISTINCT s.id, s.expires_at
            FROM participant p
            JOIN session s ON s.id = p.session_id
            WHERE p.proxy_number = :proxy AND p.released_at IS NULL AND s.closed_at IS NULL
            """;

    private static final String OPEN_SESSION_OF_PAIR_ON_PROXY = """
            SELECT s.id, s.expires_at
            FROM session s
            JOIN participant c ON c.session_id = s.id AND c.role = 'client'
            WHERE s.pair_key = :pairKey AND s.closed_at IS NULL AND c.proxy_number = :proxy
            """;

    private static final String DUE_SESSIONS = """
            SELECT id, expires_at
            FROM session
            WHERE closed_at IS NULL AND expires_at <= :now
            ORDER BY expires_at, id
            LIMIT :limit
            """;

    // closed_at IS NULL makes closing idempotent: of two instances closing the same session, the
    // second finds it closed (PostgreSQL re-checks the condition after the row lock) and skips it.
    private static final String CLOSE_SESSIONS = """
            UPDATE session
            SET closed_at = :now, close_reason = :reason
            WHERE id IN (:ids) AND closed_at IS NULL
            RETURNING id
            """;

    private static final String RELEASE_ROUTES = """
            UPDATE participant
            SET released_at = :now
            WHERE session_id IN (:ids) AND released_at IS NULL
            RETURNING proxy_number
            """;

    // Participants go with their session (ON DELETE CASCADE).
    private static final String PURGE_CLOSED = """
            DELETE FROM session
            WHERE id IN (
                SELECT id FROM session
                WHERE closed_at IS NOT NULL AND closed_at < :cutoff
                ORDER BY closed_at
                LIMIT :limit)
            """;

    private static final String ACTIVE_MASKS_BY_PROXY = """
            SELECT r.proxy_number, COUNT(DISTINCT s.id) AS active_masks
            FROM participant r
            JOIN session s ON s.id = r.session_id
            WHERE r.released_at IS NULL AND s.closed_at IS NULL AND s.expires_at > :now
            GROUP BY r.proxy_number
            """;

    private static final String COUNT_ACTIVE = """
            SELECT COUNT(*) FROM session WHERE closed_at IS NULL AND expires_at > :now
            """;

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertSession(String pairKey, long createdAt, long expiresAt) {
        return jdbc.sql(INSERT_SESSION)
                .param("pairKey", pairKey)
                .param("createdAt", createdAt)
                .param("expiresAt", expiresAt)
                .query(Long.class)
                .single();
    }

    /** The two participants of a seed mask, who both see {@code proxy}. */
    void insertPair(long sessionId, PhoneNumber client, PhoneNumber contractor, PhoneNumber proxy) {
        jdbc.sql(INSERT_PAIR)
                .param("sessionId", sessionId)
                .param("client", client.e164())
                .param("contractor", contractor.e164())
                .param("proxy", proxy.e164())
                .update();
    }

    Optional<PhoneNumber> lastProxyOfPair(String pairKey) {
        return jdbc.sql(LAST_PROXY_OF_PAIR)
                .param("pairKey", pairKey)
                .query(String.class)
                .optional()
                .map(PhoneNumber::new);
    }

    List<Mask> masksOn(PhoneNumber mask, long now) {
        return jdbc.sql(MASKS_ON_NUMBER)
                .param("mask", mask.e164())
                .query((rs, i) -> toMask(rs, now))
                .list();
    }

    List<ActiveRoute> activeRoutesOf(Collection<PhoneNumber> numbers) {
        return jdbc.sql(ACTIVE_ROUTES_OF)
                .param("numbers", e164s(numbers))
                .query((rs, i) -> new ActiveRoute(
                        rs.getString("number"),
                        new PhoneNumber(rs.getString("proxy_number")),
                        rs.getLong("id"),
                        rs.getString("pair_key"),
                        rs.getLong("created_at"),
                        rs.getLong("expires_at")))
                .list();
    }

    Optional<Route> route(PhoneNumber caller, PhoneNumber proxy, long now) {
        return jdbc.sql(ROUTE)
                .param("proxy", proxy.e164())
                .param("caller", caller.e164())
                .param("now", now)
                .query((rs, i) -> new Route(
                        rs.getLong("session_id"),
                        new PhoneNumber(rs.getString("callee")),
                        new PhoneNumber(rs.getString("callee_proxy"))))
                .optional();
    }

    List<OpenSession> dueSessionsOf(Collection<PhoneNumber> numbers, long now) {
        return jdbc.sql(DUE_SESSIONS_OF_NUMBERS)
                .param("numbers", e164s(numbers))
                .param("now", now)
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> openSessionsOnProxy(PhoneNumber proxy) {
        return jdbc.sql(OPEN_SESSIONS_ON_PROXY)
                .param("proxy", proxy.e164())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> openSessionOfPairOnProxy(String pairKey, PhoneNumber proxy) {
        return jdbc.sql(OPEN_SESSION_OF_PAIR_ON_PROXY)
                .param("pairKey", pairKey)
                .param("proxy", proxy.e164())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> dueSessions(long now, int limit) {
        return jdbc.sql(DUE_SESSIONS)
                .param("now", now)
                .param("limit", limit)
                .query(SessionRepository::toOpen)
                .list();
    }

    List<Long> close(Collection<Long> ids, CloseReason reason, long now) {
        return jdbc.sql(CLOSE_SESSIONS)
                .param("ids", ids)
                .param("reason", reason.column())
                .param("now", now)
                .query(Long.class)
                .list();
    }

    List<PhoneNumber> releaseRoutes(Collection<Long> ids, long now) {
        return jdbc.sql(RELEASE_ROUTES).param("ids", ids).param("now", now).query(String.class).list().stream()
                .map(PhoneNumber::new)
                .toList();
    }

    int purgeClosedBefore(long cutoff, int limit) {
        return jdbc.sql(PURGE_CLOSED)
                .param("cutoff", cutoff)
                .param("limit", limit)
                .update();
    }

    long countActive(long now) {
        return jdbc.sql(COUNT_ACTIVE).param("now", now).query(Long.class).single();
    }

    /** How many active masks use each proxy number that has any. */
    Map<PhoneNumber, Integer> activeMasksByProxy(long now) {
        Map<PhoneNumber, Integer> counts = new HashMap<>();
        jdbc.sql(ACTIVE_MASKS_BY_PROXY).param("now", now).query(rs -> {
            counts.put(new PhoneNumber(rs.getString("proxy_number")), rs.getInt("active_masks"));
        });
        return counts;
    }

    /** An open session and when it expires. */
    record OpenSession(long id, long expiresAt) {}

    /** A participant's active route, with its session. */
    record ActiveRoute(
            String number, PhoneNumber proxy, long sessionId, String pairKey, long createdAt, long expiresAt) {}

    private static OpenSession toOpen(ResultSet rs, int row) throws SQLException {
        return new OpenSession(rs.getLong("id"), rs.getLong("expires_at"));
    }

    private static List<String> e164s(Collection<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).toList();
    }

    private static Mask toMask(ResultSet rs, long now) throws SQLException {
        long expiresAt = rs.getLong("expires_at");
        String reason = rs.getString("close_reason");
        MaskStatus status;
        if (reason == null) {
            status = expiresAt > now ? MaskStatus.ACTIVE : MaskStatus.EXPIRED;
        } else {
            status = reason.equals(CloseReason.EXPIRED.column()) ? MaskStatus.EXPIRED : MaskStatus.DELETED;
        }
        return new Mask(
                rs.getLong("id"),
                new PhoneNumber(rs.getString("client")),
                new PhoneNumber(rs.getString("contractor")),
                new PhoneNumber(rs.getString("mask")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(expiresAt),
                status);
    }
}
