package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.callmask.support.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Another process holding the SQLite file (an operator's {@code sqlite3} shell, a bulk load) makes
 * a write fail with SQLITE_BUSY; once it lets go, the service's writes succeed again, on every
 * thread, and are committed.
 */
class SqliteBusyRecoveryTests {

    @TempDir
    static Path temp;

    private static ServiceInstance app;
    private static String url;

    @BeforeAll
    static void start() {
        url = "jdbc:sqlite:" + temp.resolve("busy.db");
        app = ServiceInstance.start(Clock.systemUTC(), Map.of("spring.datasource.url", url + "?busy_timeout=200"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static int[] touchServicesInABatch() {
        SqlParameterSource[] batch = {
            new MapSqlParameterSource("name", "default"), new MapSqlParameterSource("name", "default")
        };
        return app.bean(Transactions.class)
                .write(status -> app.bean(NamedParameterJdbcTemplate.class)
                        .batchUpdate(
                                "UPDATE service SET updated_at = updated_at + 1 WHERE unique_name = :name", batch));
    }

    @Test
    void writesSucceedAgainOnceAnotherProcessLetsGoOfTheFile() throws Exception {
        try (Connection other = DriverManager.getConnection(url);
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(SqliteBusyRecoveryTests::touchServicesInABatch).isInstanceOf(RuntimeException.class);
            statement.execute("ROLLBACK");
        }

        for (int i = 0; i < 20; i++) {
            assertThat(touchServicesInABatch()).containsExactly(1, 1);
        }
    }
}
