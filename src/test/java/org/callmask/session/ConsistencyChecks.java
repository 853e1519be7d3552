package org.callmask.session;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invariants of the stored data that every test may check after it has run. */
final class ConsistencyChecks {

    private ConsistencyChecks() {}

    /** Pool numbers whose kept route count differs from their active routes. */
    static List<String> countsMismatches(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT p.number || ': kept ' || p.active_routes || ', actual ' || COUNT(r.number)
                FROM pool_number p
                LEFT JOIN participant r ON r.proxy_number = p.number AND r.released_at IS NULL
                GROUP BY p.number, p.active_routes
                HAVING p.active_routes <> COUNT(r.number)
                """).query(String.class).list();
    }

    /** Real numbers paired more than once with one proxy number among open sessions. */
    static List<String> doublePairings(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT r.proxy_number || ' ' || r.number || ' x' || COUNT(*)
                FROM participant r
                JOIN session s ON s.id = r.session_id
                WHERE s.closed_at IS NULL
                GROUP BY r.proxy_number, r.number
                HAVING COUNT(*) > 1
                """).query(String.class).list();
    }

    /** Routes still active in closed sessions, or released in open ones. */
    static List<String> routeStateMismatches(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'session ' || s.id
                FROM session s
                JOIN participant r ON r.session_id = s.id
                WHERE (s.closed_at IS NULL) <> (r.released_at IS NULL)
                """).query(String.class).list();
    }
}
