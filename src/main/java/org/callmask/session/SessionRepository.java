package org.callmask.session;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.service.VoiceOverridesJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

    private static final String INSERT_SESSION = """
            INSERT INTO session (public_id, service_id, mode, pair_key, expires_at_fixed, expires_at,
                                 created_at, updated_at)
            VALUES (:publicId, :serviceId, 'voice-and-message', :pairKey, :expiresAt, :expiresAt,
                    :createdAt, :createdAt)
            RETURNING id
            """;

    private static final String INSERT_PAIR = """
            INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at, position)
            VALUES (:clientId, :sessionId, 'client', :client, :proxy, :now, :now, 0),
                   (:contractorId, :sessionId, 'contractor', :contractor, :proxy, :now, :now, 1)
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

    // The other participant is optional: while one was removed and not yet replaced, the one left
    // is known to be in a session but reaches no one.
    private static final String ROUTE = """
            SELECT me.session_id, s.public_id, s.service_id, s.mode, s.voice, me.id AS caller_id,
                   other.id AS callee_id, other.number AS callee, other.proxy_number AS callee_proxy,
                   s.callback_url
            FROM participant me
            JOIN session s ON s.id = me.session_id
            LEFT JOIN participant other
                   ON other.session_id = me.session_id AND other.id <> me.id AND other.released_at IS NULL
            WHERE me.proxy_number = :proxy
              AND me.number = :caller
              AND me.released_at IS NULL
              AND s.closed_at IS NULL
              AND (s.expires_at IS NULL OR s.expires_at > :now)
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

    // The seed API's masks only: their participants have roles.
    private static final String OPEN_MASKS_ON_PROXY = """
            SELECT DISTINCT s.id, s.expires_at
            FROM participant p
            JOIN session s ON s.id = p.session_id
            WHERE p.proxy_number = :proxy AND p.role IS NOT NULL
              AND p.released_at IS NULL AND s.closed_at IS NULL
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
            SET closed_at = :now, close_reason = :reason, updated_at = :now
            WHERE id IN (:ids) AND closed_at IS NULL
            RETURNING id, public_id, service_id, callback_url
            """;

    private static final String RELEASE_ROUTES = """
            UPDATE participant
            SET released_at = :now, updated_at = :now
            WHERE session_id IN (:ids) AND released_at IS NULL
            RETURNING proxy_number
            """;

    private static final String CLOSED_BEFORE = """
            SELECT id FROM session
            WHERE closed_at IS NOT NULL AND closed_at < :cutoff
            ORDER BY closed_at
            LIMIT :limit
            """;

    // Participants go with their session (ON DELETE CASCADE).
    private static final String DELETE_SESSIONS = "DELETE FROM session WHERE id IN (:ids)";

    private static final String ACTIVE_MASKS_BY_PROXY = """
            SELECT r.proxy_number, COUNT(DISTINCT s.id) AS active_masks
            FROM participant r
            JOIN session s ON s.id = r.session_id
            WHERE r.released_at IS NULL AND s.closed_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > :now)
            GROUP BY r.proxy_number
            """;

    private static final String COUNT_ACTIVE = """
            SELECT COUNT(*) FROM session WHERE closed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """;

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SessionKey insertSession(SessionId id, ServiceId service, PairKey pair, Instant createdAt, Instant expiresAt) {
        return new SessionKey(jdbc.sql(INSERT_SESSION)
                .param("publicId", id.value())
                .param("serviceId", service.value())
                .param("pairKey", pair.value())
                .param("createdAt", createdAt.toEpochMilli())
                .param("expiresAt", expiresAt.toEpochMilli())
                .query(Long.class)
                .single());
    }

    /**
     * The two participants of a seed mask, who both see {@code proxy}.
     *
     * @return their ids, the client's first
     */
    List<ParticipantId> insertPair(
            SessionKey session, PhoneNumber client, PhoneNumber contractor, PhoneNumber proxy, Instant now) {
        ParticipantId clientId = ParticipantId.random();
        ParticipantId contractorId = ParticipantId.random();
        jdbc.sql(INSERT_PAIR)
                .param("sessionId", session.value())
                .param("clientId", clientId.value())
                .param("contractorId", contractorId.value())
                .param("now", now.toEpochMilli())
                .param("client", client.e164())
                .param("contractor", contractor.e164())
                .param("proxy", proxy.e164())
                .update();
        return List.of(clientId, contractorId);
    }

    Optional<PhoneNumber> lastProxyOfPair(PairKey pair) {
        return jdbc.sql(LAST_PROXY_OF_PAIR)
                .param("pairKey", pair.value())
                .query(String.class)
                .optional()
                .map(PhoneNumber::new);
    }

    List<Mask> masksOn(PhoneNumber mask, Instant now) {
        return jdbc.sql(MASKS_ON_NUMBER)
                .param("mask", mask.e164())
                .query((rs, i) -> toMask(rs, now))
                .list();
    }

    List<ActiveRoute> activeRoutesOf(Collection<PhoneNumber> numbers) {
        return jdbc.sql(ACTIVE_ROUTES_OF)
                .param("numbers", e164s(numbers))
                .query((rs, i) -> new ActiveRoute(
                        new PhoneNumber(rs.getString("number")),
                        new PhoneNumber(rs.getString("proxy_number")),
                        new SessionKey(rs.getLong("id")),
                        rs.getString("pair_key") == null ? null : new PairKey(rs.getString("pair_key")),
                        instant(rs, "created_at"),
                        Columns.instant(rs, "expires_at")))
                .list();
    }

    Optional<Route> route(PhoneNumber caller, PhoneNumber proxy, Instant now) {
        return jdbc
                .sql(ROUTE)
                .param("proxy", proxy.e164())
                .param("caller", caller.e164())
                .param("now", now.toEpochMilli())
                .query((rs, i) -> {
                    String callee = rs.getString("callee");
                    String callbackUrl = rs.getString("callback_url");
                    return new Route(
                            new SessionKey(rs.getLong("session_id")),
                            new SessionId(rs.getString("public_id")),
                            new ServiceId(rs.getString("service_id")),
                            SessionMode.of(rs.getString("mode")).orElseThrow(),
                            VoiceOverridesJson.read(rs.getString("voice")),
                            new ParticipantId(rs.getString("caller_id")),
                            callee == null ? null : new ParticipantId(rs.getString("callee_id")),
                            callee == null ? null : new PhoneNumber(callee),
                            callee == null ? null : new PhoneNumber(rs.getString("callee_proxy")),
                            callbackUrl == null ? null : URI.create(callbackUrl));
                })
                .list()
                .stream()
                .findFirst();
    }

    List<OpenSession> dueSessionsOf(Collection<PhoneNumber> numbers, Instant now) {
        return jdbc.sql(DUE_SESSIONS_OF_NUMBERS)
                .param("numbers", e164s(numbers))
                .param("now", now.toEpochMilli())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> openSessionsOnProxy(PhoneNumber proxy) {
        return jdbc.sql(OPEN_SESSIONS_ON_PROXY)
                .param("proxy", proxy.e164())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> openMasksOnProxy(PhoneNumber proxy) {
        return jdbc.sql(OPEN_MASKS_ON_PROXY)
                .param("proxy", proxy.e164())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> openSessionOfPairOnProxy(PairKey pair, PhoneNumber proxy) {
        return jdbc.sql(OPEN_SESSION_OF_PAIR_ON_PROXY)
                .param("pairKey", pair.value())
                .param("proxy", proxy.e164())
                .query(SessionRepository::toOpen)
                .list();
    }

    List<OpenSession> dueSessions(Instant now, int limit) {
        return jdbc.sql(DUE_SESSIONS)
                .param("now", now.toEpochMilli())
                .param("limit", limit)
                .query(SessionRepository::toOpen)
                .list();
    }

    /** Closes those of {@code sessions} still open; returns the ones this call closed. */
    List<SessionEvents.Closed> close(Collection<SessionKey> sessions, CloseReason reason, Instant now) {
        return jdbc.sql(CLOSE_SESSIONS)
                .param("ids", values(sessions))
                .param("reason", reason.column())
                .param("now", now.toEpochMilli())
                .query((rs, row) -> {
                    String callbackUrl = rs.getString("callback_url");
                    return new SessionEvents.Closed(
                            new SessionKey(rs.getLong("id")),
                            new SessionId(rs.getString("public_id")),
                            new ServiceId(rs.getString("service_id")),
                            callbackUrl == null ? null : URI.create(callbackUrl));
                })
                .list();
    }

    /** Releases the routes of closed sessions; returns the proxy number of each route released. */
    List<PhoneNumber> releaseRoutes(Collection<SessionKey> sessions, Instant now) {
        return jdbc
                .sql(RELEASE_ROUTES)
                .param("ids", values(sessions))
                .param("now", now.toEpochMilli())
                .query(String.class)
                .list()
                .stream()
                .map(PhoneNumber::new)
                .toList();
    }

    List<SessionKey> closedBefore(Instant cutoff, int limit) {
        return jdbc.sql(CLOSED_BEFORE)
                .param("cutoff", cutoff.toEpochMilli())
                .param("limit", limit)
                .query((rs, i) -> new SessionKey(rs.getLong("id")))
                .list();
    }

    int delete(List<SessionKey> sessions) {
        return jdbc.sql(DELETE_SESSIONS).param("ids", values(sessions)).update();
    }

    long countActive(Instant now) {
        return jdbc.sql(COUNT_ACTIVE)
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    /** How many active masks use each proxy number that has any. */
    Map<PhoneNumber, Integer> activeMasksByProxy(Instant now) {
        Map<PhoneNumber, Integer> counts = new HashMap<>();
        jdbc.sql(ACTIVE_MASKS_BY_PROXY).param("now", now.toEpochMilli()).query(rs -> {
            counts.put(new PhoneNumber(rs.getString("proxy_number")), rs.getInt("active_masks"));
        });
        return counts;
    }

    /** An open session and when it expires. */
    record OpenSession(SessionKey id, Instant expiresAt) {

        /** Whether its lifetime has run out at {@code now}; the moment it expires counts as run out. */
        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /**
     * A participant's active route, with its session.
     *
     * @param number the participant's real number
     * @param proxy the proxy number the participant uses
     * @param pairKey the seed mask's pair; {@code null} for a v1 session
     */
    record ActiveRoute(
            PhoneNumber number,
            PhoneNumber proxy,
            SessionKey sessionId,
            PairKey pairKey,
            Instant createdAt,
            Instant expiresAt) {

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    private static OpenSession toOpen(ResultSet rs, int row) throws SQLException {
        return new OpenSession(new SessionKey(rs.getLong("id")), Columns.instant(rs, "expires_at"));
    }

    /** Times are stored as UTC epoch milliseconds in both databases. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    private static List<String> e164s(Collection<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).toList();
    }

    private static List<Long> values(Collection<SessionKey> sessions) {
        return sessions.stream().map(SessionKey::value).toList();
    }

    private static Mask toMask(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        String reason = rs.getString("close_reason");
        MaskStatus status;
        if (reason == null) {
            status = expiresAt.isAfter(now) ? MaskStatus.ACTIVE : MaskStatus.EXPIRED;
        } else {
            status = reason.equals(CloseReason.EXPIRED.column()) ? MaskStatus.EXPIRED : MaskStatus.DELETED;
        }
        return new Mask(
                new SessionKey(rs.getLong("id")),
                new PhoneNumber(rs.getString("client")),
                new PhoneNumber(rs.getString("contractor")),
                new PhoneNumber(rs.getString("mask")),
                instant(rs, "created_at"),
                expiresAt,
                status);
    }
}
