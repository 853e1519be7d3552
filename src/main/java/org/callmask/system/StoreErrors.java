package org.callmask.system;

import java.sql.SQLException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Describes a failed database operation for a log line without its message: drivers quote the
 * values of the statement in their messages (a duplicate key's number, say), so only the
 * exception types and the driver's codes are shown.
 */
public final class StoreErrors {

    private StoreErrors() {}

    /** Such as {@code TransactionSystemException caused by SQLiteException (SQL state null, code 5)}. */
    public static String describe(Throwable failure) {
        // Spring reports a failed statement whose rollback failed too (SQLite has often rolled
        // back by itself) as the rollback's failure; the statement's is the one that explains it.
        if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            return describe(rollback.getApplicationException()) + ", then the rollback failed";
        }
        StringBuilder out = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                out.append(" caused by ")
                        .append(sql.getClass().getSimpleName())
                        .append(" (SQL state ")
                        .append(sql.getSQLState())
                        .append(", code ")
                        .append(sql.getErrorCode())
                        .append(')');
                return out.toString();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            out.append(" caused by ").append(root.getClass().getSimpleName());
        }
        return out.toString();
    }
}
