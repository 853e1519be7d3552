package org.callmask.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The store the integration tests run against, chosen by the system property
 * {@code callmask.test.store} ({@code sqlite}, the default, or {@code postgresql}). Each JVM gets
 * its own SQLite file or PostgreSQL schema, so runs never see each other's data.
 */
public enum TestStore {
    SQLITE {
        private final Path file = newFile();

        @Override
        void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
        }

        private static Path newFile() {
            try {
                // Owner-only, as the service makes its own data folder, so it warns about nothing.
                Path dir = Files.createDirectories(Path.of("target", "test-db"));
                if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
                return dir.resolve("callmask-" + UUID.randomUUID() + ".db").toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    POSTGRESQL {
        private volatile String schema;

        @Override
        void register(DynamicPropertyRegistry registry) {
            String url = postgresUrl(schemaForThisRun());
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", TestStore::postgresUser);
            registry.add("spring.datasource.password", TestStore::postgresPassword);
        }

        private synchronized String schemaForThisRun() {
            if (schema == null) {
                schema = createSchema();
            }
            return schema;
        }
    };

    abstract void register(DynamicPropertyRegistry registry);

    /**
     * Skips the calling test class with a clear message when this store cannot be reached, except
     * on CI (the environment variable {@code CI} is set), where the tests must run and so fail.
     */
    public void assumeReachable() {
        if (this != POSTGRESQL) {
            return;
        }
        try (var connection = DriverManager.getConnection(postgresBaseUrl(), postgresUser(), postgresPassword())) {
            connection.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + postgresBaseUrl() + " as " + postgresUser() + " ("
                    + e.getMessage() + "); start it, or set -Dcallmask.test.postgres-url";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set, so the PostgreSQL tests must run: " + message, e);
            }
            Assumptions.abort("Skipped: " + message);
        }
    }

    public static TestStore current() {
        return valueOf(System.getProperty("callmask.test.store", "sqlite").toUpperCase(Locale.ROOT));
    }

    public static void registerCurrent(DynamicPropertyRegistry registry) {
        current().register(registry);
    }

    static String postgresBaseUrl() {
        return System.getProperty("callmask.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String postgresUser() {
        return System.getProperty("callmask.test.postgres-user", "postgres");
    }

    static String postgresPassword() {
        return System.getProperty("callmask.test.postgres-password", "");
    }

    public static String postgresUrl(String schema) {
        return postgresBaseUrl() + "?currentSchema=" + schema;
    }

    /** The host of the PostgreSQL server the tests use, from {@code callmask.test.postgres-url}. */
    public static String postgresHost() {
        return postgresServer().getHost();
    }

    /** The port of that server: the one its URL names, or PostgreSQL's default. */
    public static int postgresPort() {
        int port = postgresServer().getPort();
        return port == -1 ? 5432 : port;
    }

    /**
     * {@link #postgresUrl(String)} with the server reached at another address, such as a relay a
     * test puts in front of it.
     */
    public static String postgresUrlVia(String host, int port, String schema) {
        URI server = postgresServer();
        String query = server.getRawQuery() == null ? "?" : "?" + server.getRawQuery() + "&";
        return "jdbc:" + server.getScheme() + "://" + host + ":" + port + server.getRawPath() + query + "currentSchema="
                + schema;
    }

    private static URI postgresServer() {
        String url = postgresBaseUrl();
        URI server = URI.create(url.substring("jdbc:".length()));
        if (server.getHost() == null) {
            throw new IllegalStateException("Expected one host in " + url);
        }
        return server;
    }

    /** A new, empty schema; each test JVM (and each multi-instance test) gets its own. */
    public static String createSchema() {
        String name =
                "callmask_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(postgresBaseUrl(), postgresUser(), postgresPassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + postgresBaseUrl(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(name)));
        return name;
    }

    static void dropSchema(String name) {
        try (var connection = DriverManager.getConnection(postgresBaseUrl(), postgresUser(), postgresPassword());
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            // The schema has a unique name; leaving it behind harms no later run.
        }
    }
}
