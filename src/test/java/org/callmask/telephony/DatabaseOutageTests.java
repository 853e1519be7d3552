package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient;
import org.callmask.support.MutableClock;
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

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @Test
    void webhooksKeepAnsweringWithRefusalsWhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
        String schema = TestStore.createSchema();
        try (TcpProxy database = new TcpProxy(5432);
                ServiceInstance instance = ServiceInstance.start(
                        new MutableClock(),
                        Map.of(
                                "spring.datasource.url",
                                        "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema="
                                                + schema,
                                "spring.datasource.username", "postgres",
                                "spring.datasource.hikari.connection-timeout", "1000",
                                "spring.datasource.hikari.validation-timeout", "500"))) {
            HttpTestClient http = instance.http();
            http.postJson("/api/rest/numberPool", "{\"phone_numbers\": \"+15551231111\"}");
            http.postJson(
                    "/api/rest/numberMask",
                    "{\"client_number\":\"+15559990000\",\"contractor_number\":\"+15558001234\"}");
            String call = "{\"call\":{\"from_number\":\"+15559990000\",\"to_number\":\"+15551231111\"}}";
            assertThat(http.postJson("/calls/route", call).body()).contains("connect");

            database.cut();

            var refused = http.postJson("/calls/route", call);
            assertThat(refused.status()).isEqualTo(200);
            Golden.assertMatches("refusal.json", refused.body());
            var text = http.postForm(
                    "/texts/route", HttpTestClient.fields("From", "+15559990000", "To", "+15551231111", "Body", "hi"));
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

            String answer = "";
            for (int attempt = 0; attempt < 50 && !answer.contains("connect"); attempt++) {
                answer = http.postJson("/calls/route", call).body();
                if (!answer.contains("connect")) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).as("routing after the database came back").contains("\"to\":\"+15558001234\"");
            assertThat(http.get("/actuator/health/readiness").status())
                    .as("readiness after the database came back")
                    .isEqualTo(200);
        }
    }
}
