package org.callmask.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the session a caller most recently had on a proxy number, among those of a service that
 * stopped routing lately: what an out-of-session callback tells the platform, so it can tell a
 * returning participant from a stranger.
 */
@Repository
class RecentlyClosed {

    // A session past its end stopped routing then, even while the sweeper has not closed it yet,
    // so its end counts as its closing. Participants removed before the session closed count too:
    // the platform still knows them by that session.
    private static final String LATEST = """
            SELECT s.public_id, s.close_reason, COALESCE(s.closed_at, s.expires_at) AS ended_at
            FROM participant p
            JOIN session s ON s.id = p.session_id
            WHERE p.number = :caller
              AND p.proxy_number = :proxy
              AND s.service_id = :service
              AND COALESCE(s.closed_at, s.expires_at) <= :now
              AND COALESCE(s.closed_at, s.expires_at) >= :since
            ORDER BY ended_at DESC, s.id DESC
            LIMIT 1
            """;

    private final JdbcClient jdbc;

    RecentlyClosed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClosedSessionRef> latest(
            ServiceId service, PhoneNumber caller, PhoneNumber proxy, Instant now, Duration within) {
        return jdbc.sql(LATEST)
                .param("caller", caller.e164())
                .param("proxy", proxy.e164())
                .param("service", service.value())
                .param("now", now.toEpochMilli())
                .param("since", now.minus(within).toEpochMilli())
                .query((rs, i) -> {
                    String reason = rs.getString("close_reason");
                    return new ClosedSessionRef(
                            new SessionId(rs.getString("public_id")),
                            reason == null ? CloseReason.EXPIRED : CloseReason.ofColumn(reason),
                            Columns.instant(rs, "ended_at"));
                })
                .optional();
    }
}
