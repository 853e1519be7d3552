package org.callmask.system;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs units of work that write, as one transaction each.
 *
 * <p>SQLite has one writer at a time. Left to itself, every other writer polls the lock with
 * SQLite's busy handler, sleeping up to 100 ms between tries: throughput drops and the tail latency
 * grows to seconds while the lock sits free. So on SQLite the writers of this process queue on a
 * lock here instead, and each finds the database free when its turn comes. The lock is not fair: on
 * a busy machine handing it over in strict order makes every writer wait for the next in line to
 * be scheduled, while letting a running thread take it keeps the single writer busy. PostgreSQL has
 * row-level locks and needs none of this.
 */
@Component
public class Transactions {

    private final TransactionTemplate template;
    private final ReentrantLock sqliteWriter;
    private final StorageDialect dialect;
    private final DataSource dataSource;

    Transactions(PlatformTransactionManager transactionManager, StorageDialect dialect, DataSource dataSource) {
        this.template = new TransactionTemplate(transactionManager);
        this.sqliteWriter = dialect == StorageDialect.SQLITE ? new ReentrantLock() : null;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a new transaction (joining one already open on this thread). */
    public <T> T write(TransactionCallback<T> work) {
        if (sqliteWriter == null || sqliteWriter.isHeldByCurrentThread()) {
            return template.execute(work);
        }
        sqliteWriter.lock();
        try {
            return template.execute(work);
        } catch (RuntimeException e) {
            replaceConnectionsAfter(e);
            throw e;
        } finally {
            sqliteWriter.unlock();
        }
    }

    /**
     * A statement SQLite failed with {@code SQLITE_BUSY} (another process held the file, such as
     * the {@code sqlite3} shell) can stay in progress on its connection, and then every later
     * commit on that connection fails, long after the file is free: the pool would keep handing
     * the broken connection to the same thread. So after such a failure, or a failed commit or
     * rollback, the pool replaces its connections (idle ones now, busy ones when returned).
     */
    private void replaceConnectionsAfter(RuntimeException e) {
        boolean suspect = e instanceof TransactionSystemException || dialect.lostALock(e);
        if (suspect && dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
