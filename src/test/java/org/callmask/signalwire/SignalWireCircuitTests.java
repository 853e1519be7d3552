package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A SignalWire that keeps failing is left alone for a while, then tried again. */
class SignalWireCircuitTests extends IntegrationTest {

    private static final FakeSignalWire SIGNALWIRE = FakeSignalWire.start();
    private static final String LIST = "GET /api/relay/rest/phone_numbers";

    @DynamicPropertySource
    static void signalWire(DynamicPropertyRegistry registry) {
        registry.add("callmask.signalwire.space-url", SIGNALWIRE::url);
        registry.add("callmask.signalwire.project-id", () -> FakeSignalWire.PROJECT);
        registry.add("callmask.signalwire.api-token", () -> FakeSignalWire.TOKEN);
        registry.add("callmask.public-url", () -> "https://callmask.example.com");
        registry.add("callmask.signalwire.max-attempts", () -> "1");
        registry.add("callmask.signalwire.circuit-failures", () -> "3");
        registry.add("callmask.signalwire.circuit-open-for", () -> "30s");
    }

    @AfterAll
    static void stop() {
        SIGNALWIRE.close();
    }

    private Response sync(String service) {
        return http.postJson("/api/v1/services/" + service + "/numbers/sync", "{}");
    }

    @Test
    void afterFailuresInARowSignalWireIsNotCalledUntilTheCircuitHasBeenOpenLongEnough() {
        SIGNALWIRE.answer(
                LIST, r -> Reply.json(503, "{\"errors\": [{\"code\": \"unavailable\", \"message\": \"Down\"}]}"));
        String service = JsonPath.read(
                http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}")
                        .body(),
                "$.id");
        http.postJson("/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"+15551230001\"]}");

        for (int i = 0; i < 3; i++) {
            assertThat(sync(service).body()).contains("failed");
        }
        assertThat(SIGNALWIRE.received()).hasSize(3);

        // Open: answered at once, SignalWire untouched.
        Response refused = sync(service);
        assertThat(refused.body()).contains("not calling it for a while");
        assertThat(SIGNALWIRE.received()).hasSize(3);

        // SignalWire is back; after the open period one request tries it, and it closes the circuit.
        SIGNALWIRE.answer(LIST, r -> Reply.json(200, "{\"links\": {}, \"data\": []}"));
        clock.advance(Duration.ofSeconds(31));
        assertThat(sync(service).body()).contains("not-in-project");
        assertThat(sync(service).body()).contains("not-in-project");
        assertThat(SIGNALWIRE.received()).hasSize(5);
    }
}
