package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callmask.support.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConnection;

/**
 * The whole service on a bare SQLite URL, as an operator would write it, with nothing in the URL
 * but the file: it still runs SQLite safely, and nobody else can read the file.
 */
class SqliteOnABareUrlTests {

    @TempDir
    static Path temp;

    private static ServiceInstance app;
    private static Path folder;
    private static Path database;

    @BeforeAll
    static void startOnABareUrl() {
        folder = temp.resolve("sub");
        database = folder.resolve("callmask.db");
        app = ServiceInstance.start(Clock.systemUTC(), Map.of("spring.datasource.url", "jdbc:sqlite:" + database));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void foreignKeysAreOnAndTheJournalIsWal() {
        JdbcClient jdbc = app.bean(JdbcClient.class);

        assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualTo("wal");
    }

    @Test
    void everyPooledConnectionHasForeignKeysOn() throws SQLException {
        HikariDataSource dataSource = app.bean(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(single(connection, "PRAGMA foreign_keys")).isEqualTo("1");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void deletingASessionDeletesTheNumbersOfItsParticipants() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        String service = jdbc.sql("SELECT id FROM service WHERE unique_name = 'default'")
                .query(String.class)
                .single();
        jdbc.sql("INSERT INTO pool_number (number, id, service_id, created_at, updated_at)"
                        + " VALUES ('+15550001111', 'num_1', ?, 0, 0)")
                .param(service)
                .update();
        long session = jdbc.sql("INSERT INTO session (public_id, service_id, mode, created_at, updated_at, expires_at)"
                        + " VALUES ('ses_1', ?, 'voice-and-message', 0, 0, 1) RETURNING id")
                .param(service)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)"
                        + " VALUES ('par_1', ?, 'client', '+15559990000', '+15550001111', 0, 0)")
                .param(session)
                .update();

        jdbc.sql("DELETE FROM session WHERE id = ?").param(session).update();

        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE session_id = ?")
                        .param(session)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aWriteTransactionTakesTheWriteLockWhenItBegins() throws SQLException {
        HikariDataSource dataSource = app.bean(HikariDataSource.class);
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            SQLiteConnection other = second.unwrap(SQLiteConnection.class);
            int busyTimeout = other.getBusyTimeout();
            other.setBusyTimeout(200);
            // A transaction begun but not yet written to: deferred, it would hold no lock yet.
            first.setAutoCommit(false);
            try (Statement statement = second.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                                "INSERT INTO pool_number (number, created_at) VALUES ('+15550002222', 0)"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getErrorCode() & 0xff)
                                        .as("SQLITE_BUSY")
                                        .isEqualTo(5));
            } finally {
                first.rollback();
                first.setAutoCommit(true);
                other.setBusyTimeout(busyTimeout);
            }
        }
    }

    @Test
    void theFolderIsOwnerOnlyAndTheDatabaseAndItsWalAndShmAreOwnerReadWrite() throws IOException {
        Path wal = folder.resolve("callmask.db-wal");
        Path shm = folder.resolve("callmask.db-shm");
        assertThat(wal).exists();
        assertThat(shm).exists();

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(mode(wal)).isEqualTo("rw-------");
        assertThat(mode(shm)).isEqualTo("rw-------");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
