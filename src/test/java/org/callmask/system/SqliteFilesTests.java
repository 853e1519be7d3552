package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which file a SQLite URL names, and how its folder and file are made and checked. */
@ExtendWith(OutputCaptureExtension.class)
class SqliteFilesTests {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:sqlite::memory:",
                "jdbc:sqlite:",
                "jdbc:sqlite:?busy_timeout=5",
                "jdbc:sqlite:file::memory:?cache=shared",
                "jdbc:sqlite:file:memdb1?mode=memory&cache=shared",
                "jdbc:sqlite:file:/srv/callmask.db?mode=ro",
                "jdbc:sqlite::resource:db/callmask.db",
                "jdbc:sqlite:file://elsewhere/srv/callmask.db",
                "jdbc:postgresql://127.0.0.1:5432/callmask"
            })
    void inMemoryTemporaryReadOnlyAndNonSqliteUrlsNameNoFileToCreate(String url) {
        assertThat(SqliteFiles.databaseFile(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:sqlite:/srv/callmask.db, /srv/callmask.db",
        "jdbc:sqlite:/srv/callmask.db?foreign_keys=off, /srv/callmask.db",
        "jdbc:sqlite:data/callmask.db, data/callmask.db",
        "jdbc:sqlite:file:/srv/callmask.db?mode=rwc, /srv/callmask.db",
        "jdbc:sqlite:file:///srv/callmask.db, /srv/callmask.db",
        "jdbc:sqlite:file://localhost/srv/my%20data/callmask.db, /srv/my data/callmask.db",
        "jdbc:sqlite:file:data/callmask.db#x, data/callmask.db"
    })
    void pathsAndLocalFileUrisNameTheirFile(String url, String file) {
        assertThat(SqliteFiles.databaseFile(url)).contains(Path.of(file));
    }

    @Test
    void aFileUriDatabaseIsCreatedOwnerOnlyAndRunsWithTheSettings(CapturedOutput output) throws IOException {
        String url = "jdbc:sqlite:file:" + temp + "/new%20folder/callmask.db?cache=private";

        try (HikariDataSource dataSource = sqlite(url)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single())
                    .isEqualTo("wal");
        }

        Path folder = temp.resolve("new folder");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("callmask.db"))).isEqualTo("rw-------");
        assertThat(output.getAll()).doesNotContain("Other local users");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:file:memdb1?mode=memory&cache=shared"})
    void inMemoryDatabasesRunWithForeignKeysOn(String url) {
        try (HikariDataSource dataSource = sqlite(url)) {
            assertThat(JdbcClient.create(dataSource)
                            .sql("PRAGMA foreign_keys")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void theCommandInTheWarningQuotesAPathTheShellWouldSplit(CapturedOutput output) throws IOException {
        Path folder = Files.createDirectory(temp.resolve("it's data"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));

        SqliteFiles.prepare(folder.resolve("callmask.db"));

        String quoted = "'" + folder.toRealPath().toString().replace("'", "'\\''") + "'";
        assertThat(output.getAll()).contains("run: chmod 700 " + quoted + "\n", "is rwxr-x---");
        assertThat(mode(folder.resolve("callmask.db"))).isEqualTo("rw-------");
    }

    @Test
    void aFolderEveryoneMayWriteToIsNotToldToBeClosed(CapturedOutput output) throws IOException {
        Path folder = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path database = Files.createFile(folder.resolve("callmask.db"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-rw-r--"));

        SqliteFiles.prepare(database);

        Path real = folder.toRealPath();
        assertThat(output.getAll())
                .contains(
                        "keep the database in a folder of its own",
                        "run: chmod 600 " + real.resolve("callmask.db") + "*")
                .doesNotContain("chmod 700");
    }

    @Test
    void anOwnerOnlyDatabaseGivesNoWarning(CapturedOutput output) throws IOException {
        Path database = temp.resolve("private").resolve("callmask.db");

        SqliteFiles.prepare(database);
        SqliteFiles.prepare(database);

        assertThat(database).exists();
        assertThat(output.getAll()).doesNotContain("Other local users");
    }

    @Test
    void onAFileSystemWithoutPosixPermissionsOnlyTheFolderIsCreated(CapturedOutput output) throws IOException {
        URI zip = URI.create("jar:" + temp.resolve("store.zip").toUri());
        try (FileSystem fileSystem = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            assertThat(fileSystem.supportedFileAttributeViews()).doesNotContain("posix");
            Path database = fileSystem.getPath("/data/callmask.db");

            SqliteFiles.prepare(database);

            assertThat(fileSystem.getPath("/data")).isDirectory();
            assertThat(database).doesNotExist();
        }
        assertThat(output.getAll()).doesNotContain("Other local users");
    }

    private static HikariDataSource sqlite(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setMaximumPoolSize(2);
        SqliteFiles.prepare(url);
        SqliteSettings.applyTo(dataSource);
        return dataSource;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
