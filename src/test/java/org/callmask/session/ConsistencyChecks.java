package org.callmask.session;

import java.util.ArrayList;
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

    /**
     * Routes still active in closed sessions or of removed participants, or released for a
     * participant still in an open session.
     */
    static List<String> routeStateMismatches(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'session ' || s.id || ', participant ' || COALESCE(r.id, r.role)
                    || CASE WHEN r.released_at IS NULL THEN ' still routes' ELSE ' lost its route' END
                FROM session s
                JOIN participant r ON r.session_id = s.id
                WHERE (s.closed_at IS NULL AND r.removed_at IS NULL) <> (r.released_at IS NULL)
                """).query(String.class).list();
    }

    /**
     * Real numbers that meet one proxy number on more than one active route (the reuse rule, which
     * a unique index should make impossible).
     */
    static List<String> duplicateActiveRoutes(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT proxy_number || ' ' || number || ' x' || COUNT(*)
                FROM participant
                WHERE released_at IS NULL
                GROUP BY proxy_number, number
                HAVING COUNT(*) > 1
                """).query(String.class).list();
    }

    /** Sessions with more than two participants not removed, or more than two active routes. */
    static List<String> crowdedSessions(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'session ' || session_id || ': ' || SUM(CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END)
                    || ' participants, ' || SUM(CASE WHEN released_at IS NULL THEN 1 ELSE 0 END) || ' routes'
                FROM participant
                GROUP BY session_id
                HAVING SUM(CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END) > 2
                    OR SUM(CASE WHEN released_at IS NULL THEN 1 ELSE 0 END) > 2
                """).query(String.class).list();
    }

    /** Every invariant of v1 sessions that the tables must keep, whatever raced. */
    static List<String> v1Violations(JdbcClient jdbc) {
        List<String> out = new ArrayList<>();
        countsMismatches(jdbc).forEach(m -> out.add("active_routes " + m));
        duplicateActiveRoutes(jdbc).forEach(m -> out.add("reuse rule broken: " + m));
        routeStateMismatches(jdbc).forEach(out::add);
        crowdedSessions(jdbc).forEach(out::add);
        return out;
    }

    /** The proxy numbers a real number holds on active routes. */
    static List<String> activeProxiesOf(JdbcClient jdbc, String number) {
        return jdbc.sql("SELECT proxy_number FROM participant WHERE number = :n AND released_at IS NULL")
                .param("n", number)
                .query(String.class)
                .list();
    }

    /** Unreleased routes in all. */
    static long activeRoutes(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM participant WHERE released_at IS NULL")
                .query(Long.class)
                .single();
    }
}
