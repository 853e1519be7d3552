package org.callmask.events;

import org.callmask.system.StorageDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics of the outbox current. The outbox swings from empty to a backlog of
 * tens of thousands within seconds, and the relay's claim is planned from statistics: taken while
 * nothing was pending, they have PostgreSQL scan every pending event once for each candidate, and
 * a claim that takes 20 ms on current statistics takes seconds, up to the query timeout, while the
 * backlog waits. Autovacuum analyzes a table at most once a minute, so each instance looks every
 * {@code callmask.events.analyze-interval} and analyzes the table once a fifth of it (and at least
 * a thousand rows) changed since the last analysis. SQLite plans without such statistics.
 */
@Component
class OutboxStatistics {

    private static final Logger log = LoggerFactory.getLogger(OutboxStatistics.class);

    private static final String CHANGES = """
            SELECT n_mod_since_analyze AS changed, n_live_tup AS live_rows
            FROM pg_stat_user_tables
            WHERE relname = 'outbox_event' AND schemaname = current_schema()
            """;

    private record Changes(long changed, long liveRows) {}

    private final JdbcClient jdbc;
    private final StorageDialect dialect;
    private boolean failing;
    private Boolean owned;

    OutboxStatistics(JdbcClient jdbc, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Scheduled(
            fixedDelayString = "${callmask.events.analyze-interval:10s}",
            initialDelayString = "${callmask.events.analyze-interval:10s}")
    synchronized void analyzeWhenChanged() {
        if (dialect != StorageDialect.POSTGRESQL) {
            return;
        }
        try {
            if (!owned()) {
                return;
            }
            Changes changes = jdbc.sql(CHANGES)
                    .query((rs, i) -> new Changes(rs.getLong("changed"), rs.getLong("live_rows")))
                    .optional()
                    .orElse(null);
            if (changes != null && changes.changed() >= Math.max(1000, changes.liveRows() / 5)) {
                jdbc.sql("ANALYZE outbox_event").update();
            }
            failing = false;
        } catch (DataAccessException e) {
            // Autovacuum still comes by; one warning per outage, not one per run.
            if (!failing) {
                log.warn("Analyzing the outbox failed: {}", e.getClass().getName());
            }
            failing = true;
        }
    }

    /**
     * Only the table's owner may analyze it; anyone else gets a warning in the server's log each time,
     * so an instance that does not own it leaves the table to autovacuum, and says so once.
     */
    private boolean owned() {
        if (owned == null) {
            owned = jdbc.sql(
                            "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass('outbox_event')")
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (!owned) {
                log.info("The database user does not own outbox_event: it is left to autovacuum");
            }
        }
        return owned;
    }
}
