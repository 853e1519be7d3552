package org.callmask.events;

import org.callmask.system.StorageDialect;
import org.callmask.system.TableUpkeep;
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
 * a thousand rows) changed since the last analysis.
 */
@Component
class OutboxStatistics {

    private static final String CHANGES = """
            SELECT n_mod_since_analyze AS changed, n_live_tup AS live_rows
            FROM pg_stat_user_tables
            WHERE relname = 'outbox_event' AND schemaname = current_schema()
            """;

    private record Changes(long changed, long liveRows) {}

    private final JdbcClient jdbc;
    private final TableUpkeep upkeep;

    OutboxStatistics(JdbcClient jdbc, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.upkeep = new TableUpkeep(jdbc, dialect, "outbox_event");
    }

    @Scheduled(
            fixedDelayString = "${callmask.events.analyze-interval:10s}",
            initialDelayString = "${callmask.events.analyze-interval:10s}")
    void analyzeWhenChanged() {
        upkeep.run("Analyzing the outbox", () -> {
            Changes changes = jdbc.sql(CHANGES)
                    .query((rs, i) -> new Changes(rs.getLong("changed"), rs.getLong("live_rows")))
                    .optional()
                    .orElse(null);
            if (changes != null && changes.changed() >= Math.max(1000, changes.liveRows() / 5)) {
                jdbc.sql("ANALYZE outbox_event").update();
            }
        });
    }
}
