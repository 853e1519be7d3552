package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with its SignalWire project configured, against a fake of SignalWire's REST API on a
 * loopback port. SignalWire is told to call CallMask back under {@link #PUBLIC}, which the tests
 * then call as SignalWire would, at the same paths on the local port.
 */
abstract class SignalWireTest extends IntegrationTest {

    static final String PUBLIC = "https://callmask.example.com";

    static final String ALICE = "+15559990001";
    static final String BOB = "+15558000002";
    static final String P1 = "+15551230001";
    static final String P2 = "+15551230002";

    static final FakeSignalWire SIGNALWIRE = FakeSignalWire.start();

    @DynamicPropertySource
    static void signalWire(DynamicPropertyRegistry registry) {
        registry.add("callmask.signalwire.space-url", SIGNALWIRE::url);
        registry.add("callmask.signalwire.project-id", () -> FakeSignalWire.PROJECT);
        registry.add("callmask.signalwire.api-token", () -> FakeSignalWire.TOKEN);
        registry.add("callmask.public-url", () -> PUBLIC);
        registry.add("callmask.signalwire.timeout", () -> "1s");
        registry.add("callmask.signalwire.retry-initial", () -> "20ms");
        // Failures in one test must not open the circuit for the next; its own tests set it low.
        registry.add("callmask.signalwire.circuit-failures", () -> "1000");
        // Pools refill on shortages only; the low watermark would buy after every allocation.
        registry.add("callmask.pool.low-watermark", () -> "0");
    }

    @BeforeEach
    void freshSignalWire() {
        SIGNALWIRE.reset();
        SIGNALWIRE.callBackTo(PUBLIC, "http://127.0.0.1:" + port);
    }

    String service(String name) {
        Response created = http.postJson("/api/v1/services", "{\"unique_name\": \"" + name + "\"}");
        assertThat(created.status()).as("create service: %s", created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    void numbers(String service, String... numbers) {
        String list = String.join("\", \"", numbers);
        Response added = http.postJson("/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"" + list + "\"]}");
        assertThat(added.status()).as("add numbers: %s", added.body()).isEqualTo(201);
    }

    /** A session between Alice (who knows it by P1) and Bob (P2), with the given extra fields. */
    String aliceAndBob(String service, String extra) {
        Response created = http.postJson(
                "/api/v1/services/" + service + "/sessions",
                "{" + extra + (extra.isEmpty() ? "" : ", ") + "\"participants\": [{\"number\": \"" + ALICE
                        + "\", \"proxy_number\": \"" + P1 + "\"}, {\"number\": \"" + BOB + "\", \"proxy_number\": \""
                        + P2 + "\"}]}");
        assertThat(created.status()).as("open session: %s", created.body()).isEqualTo(201);
        return created.body();
    }

    static String participantId(String session, String number) {
        List<String> ids = JsonPath.read(session, "$.participants[?(@.number == '" + number + "')].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    static String id(String json) {
        return JsonPath.read(json, "$.id");
    }

    /** The path of a URL CallMask gave SignalWire, which the test calls on the local port. */
    static String pathOf(String url) {
        assertThat(url).startsWith(PUBLIC + "/");
        return url.substring(PUBLIC.length());
    }
}
