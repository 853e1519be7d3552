package org.callmask.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** How the session feature's tables store times: UTC epoch milliseconds, in both databases. */
final class Columns {

    private Columns() {}

    /** The time in a column, or {@code null} where it is NULL. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
