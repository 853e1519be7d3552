package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient;
import org.callmask.support.MutableClock;
import org.callmask.support.QuietLoggers;
import org.callmask.support.ServiceInstance;
import org.callmask.support.TcpProxy;
import org.callmask.support.TestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The database goes away under a running instance, and comes back. */
@Tag("postgresql")
class DatabaseOutageTests {
    // PostgreSQL only: an SQLite file cannot be taken away from a running process the same way.

    /**
     * Loggers that report the outage this test causes with a stack trace each: the pool, on a
     * connection that broke, and the health check, on every failed probe. The service's own log
     * lines about the outage stay visible.
     */
    private static final String[] OUTAGE_LOGGERS = {
        "com.zaxxer.hikari.pool.ProxyConnection",
        "com.zaxxer.hikari.pool.PoolBase",
        "org.springframework.boot.jdbc.health.DataSourceHealthIndicator"
    };

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @Test
    void webhooksKeepAnsweringWithRefusalsWhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
        String schema = TestStore.createSchema();
        try (TcpProxy database = new TcpProxy(TestStore.postgresHost(), TestStore.postgresPort());
                ServiceInstance instance = ServiceInstance.start(new MutableClock(), through(database, schema))) {
            HttpTestClient http = instance.http();
            http.postJson("/api/rest/numberPool", "{\"phone_numbers\": \"+15551231111\"}");
            http.postJson(
                    "/api/rest/numberMask",
                    "{\"client_number\":\"+15559990000\",\"contractor_number\":\"+15558001234\"}");
            String call = "{\"call\":{\"from_number\":\"+15559990000\",\"to_number\":\"+15551231111\"}}";
            Golden.assertMatches(
                    "connect-client-to-contractor.json",
                    http.postJson("/calls/route", call).body());

            try (var quiet = QuietLoggers.silence(OUTAGE_LOGGERS)) {
                database.cut();

                var refused = http.postJson("/calls/route", call);
                assertThat(refused.status()).isEqualTo(200);
                Golden.assertMatches("refusal.json", refused.body());
                var text = http.postForm(
                        "/texts/route",
                        HttpTestClient.fields("From", "+15559990000", "To", "+15551231111", "Body", "hi"));
                assertThat(text.status()).isEqualTo(200);
                Golden.assertMatches("empty.xml", text.body());
                var admin = http.postJson(
                        "/api/rest/numberMask",
                        "{\"client_number\":\"+15559990001\",\"contractor_number\":\"+15558001234\"}");
                assertThat(admin.status()).isEqualTo(503);
                assertThat(admin.body()).isEqualTo("The database is unavailable; retry later");
                assertThat(http.get("/actuator/health/readiness").status())
                        .as("readiness while the database is down")
                        .isEqualTo(503);
                assertThat(http.get("/actuator/health/liveness").status())
                        .as("liveness while the database is down")
                        .isEqualTo(200);

                database.open();

                await("routing after the database came back")
                        .atMost(Duration.ofSeconds(20))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> Golden.assertMatches(
                                "connect-client-to-contractor.json",
                                http.postJson("/calls/route", call).body()));
                assertThat(http.get("/actuator/health/readiness").status())
                        .as("readiness after the database came back")
                        .isEqualTo(200);
            }
        }
    }

    /** The test store's PostgreSQL schema, reached through the relay the test cuts. */
    private static Map<String, String> through(TcpProxy database, String schema) {
        Map<String, String> properties = new HashMap<>(ServiceInstance.postgresSchema(schema));
        properties.put("spring.datasource.url", TestStore.postgresUrlVia(database.host(), database.port(), schema));
        properties.put("spring.datasource.hikari.connection-timeout", "1000");
        properties.put("spring.datasource.hikari.validation-timeout", "500");
        return properties;
    }
}
