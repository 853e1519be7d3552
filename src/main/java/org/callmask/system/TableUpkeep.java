package org.callmask.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upkeep of one table that CallMask does itself on PostgreSQL, where autovacuum, which comes by at
 * most once a minute, is too slow for it: a VACUUM or an ANALYZE. Only the table's owner may do
 * either, and anyone else gets a warning in the server's log each time, so an instance whose
 * database user does not own the table leaves it to autovacuum and says so once. A failure is
 * logged once until the upkeep succeeds again: autovacuum still comes by. SQLite needs none of it.
 */
public final class TableUpkeep {

    private static final Logger log = LoggerFactory.getLogger(TableUpkeep.class);

    private final JdbcClient jdbc;
    private final boolean postgresql;
    private final String table;
    private Boolean owned;
    private boolean failing;

    public TableUpkeep(JdbcClient jdbc, StorageDialect dialect, String table) {
        this.jdbc = jdbc;
        this.postgresql = dialect == StorageDialect.POSTGRESQL;
        this.table = table;
    }

    /**
     * Runs {@code upkeep} when the store is PostgreSQL and the table is the database user's.
     *
     * @param what what the upkeep does, for the log line should it fail ("vacuuming the pool table")
     */
    public synchronized void run(String what, Runnable upkeep) {
        if (!postgresql) {
            return;
        }
        try {
            if (owned()) {
                upkeep.run();
            }
            failing = false;
        } catch (DataAccessException e) {
            if (!failing) {
                log.warn("{} failed: {}", what, e.getClass().getName());
            }
            failing = true;
        }
    }

    private boolean owned() {
        if (owned == null) {
            owned = jdbc.sql("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass(:table)")
                    .param("table", table)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (!owned) {
                log.info("The database user does not own {}: it is left to autovacuum", table);
            }
        }
        return owned;
    }
}
