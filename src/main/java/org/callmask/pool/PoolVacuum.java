package org.callmask.pool;

import java.util.concurrent.atomic.AtomicLong;
import org.callmask.system.StorageDialect;
import org.callmask.system.TableUpkeep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the pool table compact on PostgreSQL. Every session opened or closed rewrites its numbers'
 * rows (their route counts), and PostgreSQL keeps each old version, in the table and in the load
 * index, until a vacuum removes it. Autovacuum visits a database at most once a minute; by then a
 * busy service has left tens of thousands of dead versions in a table of a few thousand rows, and
 * every choice of a number reads past them, in the order they pile up: the least-loaded end of the
 * load index. The table is small, so a vacuum of it takes milliseconds.
 */
@Component
class PoolVacuum {

    private final JdbcClient jdbc;
    private final TableUpkeep upkeep;
    private final AtomicLong rewrites = new AtomicLong();
    private long rewritesAtLastVacuum;

    PoolVacuum(JdbcClient jdbc, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.upkeep = new TableUpkeep(jdbc, dialect, "pool_number");
    }

    /** Pool rows were rewritten: the next run vacuums. */
    void rewrote() {
        rewrites.incrementAndGet();
    }

    @Scheduled(
            fixedDelayString = "${callmask.pool.vacuum-interval:2s}",
            initialDelayString = "${callmask.pool.vacuum-interval:2s}")
    synchronized void vacuum() {
        long seen = rewrites.get();
        if (seen == rewritesAtLastVacuum) {
            return;
        }
        upkeep.run("Vacuuming the pool table", () -> {
            // SKIP_LOCKED: another instance vacuuming it now does the same job.
            jdbc.sql("VACUUM (SKIP_LOCKED) pool_number").update();
            rewritesAtLastVacuum = seen;
        });
    }
}
