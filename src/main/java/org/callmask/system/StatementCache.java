package org.callmask.system;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps each connection's prepared statements for the next time the same SQL is prepared on it.
 * sqlite-jdbc compiles a statement's SQL every time one is prepared (pgjdbc keeps parsed
 * statements itself), and the routing lookup, a join of three tables, took three times as long to
 * compile as to run, on every call and text.
 *
 * <p>A statement closed by its user goes back to its connection's cache, reset and with its
 * parameter values dropped, unless it failed while in use; the least recently used are closed beyond
 * {@code capacity}. Two users of one connection preparing the same SQL at once get one statement
 * each. Only {@link Connection#prepareStatement(String)} is cached, which is what Spring's JDBC
 * support calls unless generated keys are asked for.
 */
final class StatementCache implements DataSource {

    private final DataSource connections;
    private final int capacity;

    StatementCache(DataSource connections, int capacity) {
        this.connections = connections;
        this.capacity = capacity;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return cached(connections.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return cached(connections.getConnection(username, password));
    }

    private Connection cached(Connection connection) {
        return new CachingConnection(connection, capacity).proxy;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : connections.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || connections.isWrapperFor(type);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One connection and its idle statements, by SQL, least recently used first. */
    private static final class CachingConnection implements InvocationHandler {

        private final Connection connection;
        private final Map<String, PreparedStatement> idle;
        private final Connection proxy;

        CachingConnection(Connection connection, int capacity) {
            this.connection = connection;
            this.proxy = (Connection)
                    Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
            this.idle = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= capacity) {
                        return false;
                    }
                    closeQuietly(eldest.getValue());
                    return true;
                }
            };
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args.length == 1) {
                return prepare((String) args[0]);
            }
            if (name.equals("equals")) {
                return self == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(self);
            }
            if (name.equals("close")) {
                idle.values().forEach(CachingConnection::closeQuietly);
                idle.clear();
            }
            return StatementCache.invoke(connection, method, args);
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
            }
            return (PreparedStatement) Proxy.newProxyInstance(
                    PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    new CachedStatement(this, sql, statement));
        }

        void giveBack(String sql, PreparedStatement statement) {
            if (idle.containsKey(sql)) {
                closeQuietly(statement);
            } else {
                idle.put(sql, statement);
            }
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException e) {
                // It goes with its connection at the latest.
            }
        }
    }

    /** A statement lent out: closing it gives it back, unless it failed while in use. */
    private static final class CachedStatement implements InvocationHandler {

        private final CachingConnection owner;
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet results;
        private boolean closed;
        private boolean failed;

        CachedStatement(CachingConnection owner, String sql, PreparedStatement statement) {
            this.owner = owner;
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    close();
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getConnection" -> {
                    return owner.proxy;
                }
                case "toString" -> {
                    return "cached " + statement;
                }
                case "hashCode" -> {
                    return System.identityHashCode(self);
                }
                case "equals" -> {
                    return self == args[0];
                }
                default -> {
                    if (closed) {
                        throw new SQLException("The statement is closed");
                    }
                    try {
                        Object result = StatementCache.invoke(statement, method, args);
                        if (result instanceof ResultSet set) {
                            results = set;
                        }
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        failed = true;
                        throw e;
                    }
                }
            }
        }

        private void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            if (failed || statement.isClosed()) {
                statement.close();
                return;
            }
            try {
                // Closing the results resets the statement, which ends SQLite's read of the database
                // it held open; a statement left mid-read would keep its snapshot, and with it the
                // write-ahead log, from moving on.
                if (results != null) {
                    results.close();
                }
                // Drops the parameters' values, so a use that leaves one unset binds NULL as on a
                // new statement. clearParameters() would too, but through sqlite3_clear_bindings(),
                // which marks the statement for recompiling when its plan may depend on the values
                // bound: the routing lookup then compiled on every run again, cache or not.
                statement.clearBatch();
            } catch (SQLException e) {
                statement.close();
                return;
            }
            owner.giveBack(sql, statement);
        }
    }
}
