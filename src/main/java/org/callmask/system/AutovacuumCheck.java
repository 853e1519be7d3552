package org.callmask.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the PostgreSQL server runs without autovacuum. The service relies on it
 * twice: every session creation and release rewrites a pool row, whose dead versions only a vacuum
 * removes; and PostgreSQL keeps one cached plan per statement and connection, made from the table
 * sizes of the moment, until an {@code ANALYZE} replaces it. Without either, a plan made while the
 * tables were empty keeps scanning them as they grow: session creation fell to half its rate
 * within seconds of a fresh start in the benchmark.
 */
@Component
class AutovacuumCheck {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final JdbcClient jdbc;
    private final StorageDialect dialect;

    AutovacuumCheck(JdbcClient jdbc, StorageDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOff() {
        if (dialect != StorageDialect.POSTGRESQL) {
            return;
        }
        try {
            if ("off"
                    .equalsIgnoreCase(
                            jdbc.sql("SHOW autovacuum").query(String.class).single())) {
                log.warn("Autovacuum is off on this PostgreSQL server: CallMask's tables are never vacuumed nor"
                        + " analyzed, so pool rows bloat and query plans made while the tables were small stay in"
                        + " use as they grow. Turn autovacuum on, or run VACUUM ANALYZE on this database every few"
                        + " minutes.");
            }
        } catch (DataAccessException e) {
            log.debug("Could not read the autovacuum setting", e);
        }
    }
}
