package org.callmask.system;

import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The few things that differ between the two supported stores. Everything else is portable SQL
 * (both have partial indexes, {@code RETURNING} and {@code ON CONFLICT}); keep it that way and add
 * a member here rather than an {@code if} in a repository.
 */
public enum StorageDialect {

    /** The embedded default: one file, one writer at a time (transactions begin IMMEDIATE). */
    SQLITE {
        @Override
        boolean isTransient(SQLException e) {
            // SQLITE_BUSY and SQLITE_LOCKED, with or without their extended codes.
            int primary = e.getErrorCode() & 0xff;
            return primary == 5 || primary == 6;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
            return e.getErrorCode() == 2067
                    || e.getErrorCode() == 1555
                    || (e.getErrorCode() == 19 && String.valueOf(e.getMessage()).contains("UNIQUE"));
        }
    },

    /** The store for several instances. */
    POSTGRESQL {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        boolean isTransient(SQLException e) {
            // serialization_failure, deadlock_detected, lock_not_available
            return "40001".equals(e.getSQLState())
                    || "40P01".equals(e.getSQLState())
                    || "55P03".equals(e.getSQLState());
        }
    };

    abstract boolean isUniqueViolation(SQLException e);

    abstract boolean isTransient(SQLException e);

    /**
     * Whether a failed unit of work may succeed if simply run again: it lost a lock or a race, and
     * the store rolled it back whole.
     */
    public boolean isRetryable(RuntimeException e) {
        return e instanceof TransientDataAccessException || isUniqueViolation(e) || lostALock(e);
    }

    /** Whether the driver reported a lock it could not get (a busy file, a deadlock), anywhere in the causes. */
    boolean lostALock(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failed statement broke a unique constraint, which for allocation means another
     * request took the number first.
     */
    public boolean isUniqueViolation(RuntimeException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the dialect off a live data source. */
    public static StorageDialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
            if (name.contains("sqlite")) {
                return SQLITE;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("Unsupported database " + product + ": use SQLite or PostgreSQL");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot reach the database to read its type", e);
        }
    }
}
