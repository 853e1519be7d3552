package org.callmask.pool;

import java.util.concurrent.atomic.AtomicLong;
import org.callmask.system.StorageDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the pool table compact on PostgreSQL. Every session opened or closed rewrites its numbers'
 * rows (their route counts), and PostgreSQL keeps each old version, in the table and in the load
 * index, until a vacuum removes it. Autovacuum visits a database at most once a minute; by then a
 * busy service has left tens of thousands of dead versions in a table of a few thousand rows, and
 * every choice of a number reads past them, in the order they pile up: the least-loaded end of the
 * load index. The table is small, so a vacuum of it takes milliseconds. SQLite rewrites rows in
 * place and needs none of this.
 */
@Component
class PoolVacuum {

    private static final Logger log = LoggerFactory.getLogger(PoolVacuum.class);

    private final JdbcClient jdbc;
    private final StorageDialect dialect;
    private final AtomicLong rewrites = new AtomicLong();
    private long rewritesAtLastVacuum;
    private boolean failing;
    private Boolean owned;

    PoolVacuum(JdbcClient jdbc, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
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
        if (dialect != StorageDialect.POSTGRESQL || seen == rewritesAtLastVacuum) {
            return;
        }
        try {
            if (!owned()) {
                return;
            }
            // SKIP_LOCKED: another instance vacuuming it now does the same job.
            jdbc.sql("VACUUM (SKIP_LOCKED) pool_number").update();
            rewritesAtLastVacuum = seen;
            failing = false;
        } catch (DataAccessException e) {
            // Autovacuum still comes by; one warning per outage, not one per run.
            if (!failing) {
                log.warn("Vacuuming the pool table failed: {}", e.getClass().getName());
            }
            failing = true;
        }
    }

    /**
     * Only the table's owner may vacuum it; anyone else gets a warning in the server's log each time,
     * so an instance that does not own it leaves the table to autovacuum, and says so once.
     */
    private boolean owned() {
        if (owned == null) {
            owned = jdbc.sql(
                            "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass('pool_number')")
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (!owned) {
                log.info("The database user does not own pool_number: it is left to autovacuum");
            }
        }
        return owned;
    }
}
