package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.callmask.support.ServiceInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/** What an operator's own SQLite URL and existing files may and may not change. */
@ExtendWith(OutputCaptureExtension.class)
class SqliteOperatorSettingsTests {

    @TempDir
    Path temp;

    private final List<ServiceInstance> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ServiceInstance::close);
    }

    @Test
    void aUrlThatTurnsOffForeignKeysStillHasThemOnWithAWarning(CapturedOutput output) throws SQLException {
        Path database = temp.resolve("callmask.db");
        ServiceInstance app = start(Map.of(
                "spring.datasource.url",
                "jdbc:sqlite:" + database + "?foreign_keys=off&transaction_mode=DEFERRED&busy_timeout=250",
                "spring.datasource.hikari.data-source-properties[journal_mode]",
                "DELETE"));
        JdbcClient jdbc = app.bean(JdbcClient.class);

        assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualTo("wal");
        try (Connection connection = app.bean(DataSource.class).getConnection()) {
            assertThat(connection
                            .unwrap(SQLiteConnection.class)
                            .getConnectionConfig()
                            .getTransactionMode())
                    .isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        assertThat(output.getAll())
                .contains(
                        "Ignoring the SQLite setting foreign_keys=off in spring.datasource.url",
                        "Ignoring the SQLite setting transaction_mode=DEFERRED in spring.datasource.url",
                        "Ignoring the SQLite setting journal_mode=DELETE in spring.datasource.hikari.data-source-properties");
        assertThat(output.getAll()).doesNotContain("Ignoring the SQLite setting busy_timeout");
    }

    @Test
    void aUrlMayTuneSettingsThatSafetyDoesNotNeed() {
        Path database = temp.resolve("callmask.db");
        ServiceInstance app = start(
                Map.of("spring.datasource.url", "jdbc:sqlite:" + database + "?busy_timeout=250&cache_size=-2000"));
        JdbcClient jdbc = app.bean(JdbcClient.class);

        assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single())
                .isEqualTo(250);
        assertThat(jdbc.sql("PRAGMA cache_size").query(Integer.class).single()).isEqualTo(-2000);
        assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single())
                .as("NORMAL")
                .isEqualTo(1);
    }

    @Test
    void anExistingFolderAndDatabaseOthersCanReadGiveOneWarningWithTheCommandAndTheServiceStarts(CapturedOutput output)
            throws IOException {
        Path folder = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.createFile(folder.resolve("callmask.db"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        ServiceInstance app = start(Map.of("spring.datasource.url", "jdbc:sqlite:" + database));

        Path real = folder.toRealPath();
        assertThat(output.getAll())
                .containsOnlyOnce("Other local users can reach the SQLite database")
                .contains("chmod 700 " + real + " && chmod 600 " + real.resolve("callmask.db") + "*");
        assertThat(app.bean(JdbcClient.class)
                        .sql("SELECT count(*) FROM pool_number")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database)))
                .as("left for the operator to change")
                .isEqualTo("rw-r--r--");
    }

    private ServiceInstance start(Map<String, String> properties) {
        ServiceInstance app = ServiceInstance.start(Clock.systemUTC(), properties);
        started.add(app);
        return app;
    }
}
