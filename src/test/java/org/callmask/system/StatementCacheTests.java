package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.callmask.support.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.core.CorePreparedStatement;

/**
 * The service's SQLite connections keep their prepared statements: a statement is compiled once per
 * connection, and one given back never holds on to what it read or to a failure.
 */
class StatementCacheTests {

    private static final String COUNT = "SELECT count(*) FROM cache_probe";

    @TempDir
    static Path temp;

    private static ServiceInstance app;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void start() {
        app = ServiceInstance.start(
                Clock.systemUTC(), Map.of("spring.datasource.url", "jdbc:sqlite:" + temp.resolve("callmask.db")));
        dataSource = app.bean(HikariDataSource.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void emptyProbeTable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS cache_probe (id INTEGER PRIMARY KEY)");
            statement.execute("DELETE FROM cache_probe");
        }
    }

    @Test
    void theSameSqlPreparedAgainOnAConnectionIsTheStatementCompiledBefore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement first = connection.prepareStatement(COUNT);
            Object compiled = first.unwrap(CorePreparedStatement.class);
            assertThat(count(first)).isZero();
            first.close();

            PreparedStatement second = connection.prepareStatement(COUNT);

            assertThat(second.unwrap(CorePreparedStatement.class)).isSameAs(compiled);
            assertThat(count(second)).isZero();
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(first::executeQuery).isInstanceOf(SQLException.class);
            second.close();
        }
    }

    @Test
    void aStatementGivenBackMidReadSeesWhatWasCommittedAfterwards() throws SQLException {
        try (Connection reader = dataSource.getConnection();
                Connection writer = dataSource.getConnection()) {
            insert(writer, 1);
            insert(writer, 2);
            PreparedStatement select = reader.prepareStatement("SELECT id FROM cache_probe ORDER BY id");
            ResultSet rows = select.executeQuery();
            assertThat(rows.next()).isTrue();
            // Closed with its results still open, one row read of two.
            select.close();

            insert(writer, 3);

            try (PreparedStatement count = reader.prepareStatement(COUNT)) {
                assertThat(count(count)).isEqualTo(3);
            }
            try (PreparedStatement again = reader.prepareStatement("SELECT id FROM cache_probe ORDER BY id");
                    ResultSet all = again.executeQuery()) {
                int seen = 0;
                while (all.next()) {
                    seen++;
                }
                assertThat(seen).isEqualTo(3);
            }
        }
    }

    @Test
    void aStatementThatFailedIsCompiledAfresh() throws SQLException {
        String insert = "INSERT INTO cache_probe (id) VALUES (?)";
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, 7);
            PreparedStatement failing = connection.prepareStatement(insert);
            Object compiled = failing.unwrap(CorePreparedStatement.class);
            failing.setInt(1, 7);
            assertThatThrownBy(failing::executeUpdate).isInstanceOf(SQLException.class);
            failing.close();

            try (PreparedStatement next = connection.prepareStatement(insert)) {
                assertThat(next.unwrap(CorePreparedStatement.class)).isNotSameAs(compiled);
                next.setInt(1, 8);
                assertThat(next.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void twoUsersOfOneConnectionGetAStatementEach() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, 1);
            PreparedStatement first = connection.prepareStatement(COUNT);
            PreparedStatement second = connection.prepareStatement(COUNT);

            assertThat(second.unwrap(CorePreparedStatement.class))
                    .isNotSameAs(first.unwrap(CorePreparedStatement.class));
            ResultSet firstRows = first.executeQuery();
            assertThat(count(second)).isEqualTo(1);
            assertThat(firstRows.next()).isTrue();
            assertThat(firstRows.getInt(1)).isEqualTo(1);
            first.close();
            second.close();
        }
    }

    @Test
    void parametersDoNotOutliveTheUseTheyWereSetFor() throws SQLException {
        String byId = "SELECT count(*) FROM cache_probe WHERE id = ?";
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, 5);
            try (PreparedStatement first = connection.prepareStatement(byId)) {
                first.setInt(1, 5);
                assertThat(count(first)).isEqualTo(1);
            }
            try (PreparedStatement second = connection.prepareStatement(byId)) {
                // Unbound, the parameter is NULL, which matches no row.
                assertThat(count(second)).isZero();
            }
        }
    }

    private static int count(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cache_probe (id) VALUES (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }
}
