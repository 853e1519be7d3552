package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Without the SignalWire settings, what needs them says which to set, and changes nothing. */
class SignalWireNotConfiguredTests extends IntegrationTest {

    private static final List<String> ALL = List.of(
            "CALLMASK_SIGNALWIRE_SPACE_URL",
            "CALLMASK_SIGNALWIRE_PROJECT_ID",
            "CALLMASK_SIGNALWIRE_API_TOKEN",
            "CALLMASK_PUBLIC_URL");

    private static void assertNotConfigured(Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(501);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(answer.body(), "$.type")).endsWith("signalwire-not-configured");
        assertThat(JsonPath.<List<String>>read(answer.body(), "$.missing_settings"))
                .isEqualTo(ALL);
        assertThat((String) JsonPath.read(answer.body(), "$.detail")).contains("CALLMASK_SIGNALWIRE_API_TOKEN");
    }

    @Test
    void messagesCallsAndNumberSetUpAnswer501NamingTheSettings() {
        String service = JsonPath.read(
                http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}")
                        .body(),
                "$.id");
        http.postJson(
                "/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"+15551230001\", \"+15551230002\"]}");
        String session = http.postJson(
                        "/api/v1/services/" + service + "/sessions",
                        "{\"participants\": [{\"number\": \"+15559990001\"}, {\"number\": \"+15558000002\"}]}")
                .body();
        String sessionId = JsonPath.read(session, "$.id");
        String first = JsonPath.read(session, "$.participants[0].id");

        assertNotConfigured(http.postJson(
                "/api/v1/services/" + service + "/sessions/" + sessionId + "/messages",
                "{\"to_participant\": \"" + first + "\", \"body\": \"hi\"}"));
        assertNotConfigured(http.postJson(
                "/api/v1/services/" + service + "/sessions/" + sessionId + "/calls",
                "{\"first_participant\": \"" + first + "\"}"));
        assertNotConfigured(http.postJson("/api/v1/services/" + service + "/numbers/sync", "{}"));
        assertNotConfigured(http.postJson(
                "/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"+15551230003\"], \"configure\": true}"));

        assertThat(http.get("/api/v1/services/" + service + "/numbers/+15551230003")
                        .status())
                .isEqualTo(404);
        assertThat(JsonPath.<List<Object>>read(
                        http.get("/api/v1/services/" + service + "/interactions")
                                .body(),
                        "$.items"))
                .isEmpty();
    }
}
