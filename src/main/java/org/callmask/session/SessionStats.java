package org.callmask.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callmask.core.HourlyCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sessions and participations counted, for the people who run the service: how many are active,
 * how many opened and closed each hour, and how many proxy numbers the busiest participant holds.
 */
@Service
public class SessionStats {

    private static final String ACTIVE = """
            SELECT service_id, COUNT(*) AS active
            FROM session
            WHERE closed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            GROUP BY service_id
            """;

    private static final String OPENED = """
            SELECT created_at / 3600000 AS hour, COUNT(*) AS n
            FROM session
            WHERE created_at >= :since
            GROUP BY created_at / 3600000
            """;

    private static final String CLOSED = """
            SELECT closed_at / 3600000 AS hour, COUNT(*) AS n
            FROM session
            WHERE closed_at >= :since
            GROUP BY closed_at / 3600000
            """;

    // Active routes per (service, real number); the most in each service.
    private static final String MOST_HELD = """
            SELECT held.service_id, MAX(held.n) AS most
            FROM (SELECT s.service_id, p.number, COUNT(*) AS n
                  FROM participant p JOIN session s ON s.id = p.session_id
                  WHERE p.released_at IS NULL AND s.closed_at IS NULL
                  GROUP BY s.service_id, p.number) held
            GROUP BY held.service_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Active sessions per service id. */
    public Map<String, Long> activeByService() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(ACTIVE)
                .param("now", clock.instant().toEpochMilli())
                .query((rs, i) -> out.put(rs.getString("service_id"), rs.getLong("active")))
                .list();
        return out;
    }

    /** Sessions opened and closed in each hour since {@code since}, kinds {@code opened} and {@code closed}. */
    public List<HourlyCount> openedAndClosed(Instant since) {
        List<HourlyCount> out = new ArrayList<>();
        out.addAll(hourly(OPENED, "opened", since));
        out.addAll(hourly(CLOSED, "closed", since));
        return out;
    }

    /** The most proxy numbers one real number holds in active sessions, per service id. */
    public Map<String, Long> mostHeldByService() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(MOST_HELD)
                .query((rs, i) -> out.put(rs.getString("service_id"), rs.getLong("most")))
                .list();
        return out;
    }

    private List<HourlyCount> hourly(String sql, String kind, Instant since) {
        return jdbc.sql(sql)
                .param("since", since.toEpochMilli())
                .query((rs, i) -> new HourlyCount(
                        Instant.ofEpochMilli(rs.getLong("hour") * HourlyCount.HOUR_MILLIS), kind, rs.getLong("n")))
                .list();
    }
}
