package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Received;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NumberSetupTests extends SignalWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST = "GET /api/relay/rest/phone_numbers";
    private static final String ID1 = "3fa85f64-5717-4562-b3fc-2c963f66a001";
    private static final String ID2 = "3fa85f64-5717-4562-b3fc-2c963f66a002";
    private static final String P3 = "+15551230003";

    private static String projectNumber(
            String id, String number, String callHandler, String callUrl, String messageUrl) {
        return """
                {"id": "%s", "number": "%s", "name": null, "capabilities": ["voice", "sms", "mms"],
                 "number_type": "longcode", "call_handler": "%s", "call_relay_script_url": %s,
                 "message_handler": "laml_webhooks", "message_request_url": %s, "country_code": "US"}""".formatted(
                        id,
                        number,
                        callHandler,
                        callUrl == null ? "null" : "\"" + callUrl + "\"",
                        messageUrl == null ? "null" : "\"" + messageUrl + "\"");
    }

    private static Reply page(String next, String... numbers) {
        return Reply.json(
                200,
                "{\"links\": {\"self\": \"/api/relay/rest/phone_numbers\""
                        + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}, \"data\": ["
                        + String.join(", ", numbers) + "]}");
    }

    @Test
    void addingNumbersWithConfigurePointsTheirHandlersAtCallMask() {
        SIGNALWIRE.answer(
                LIST,
                r -> r.query().contains(java.net.URLEncoder.encode(P1, java.nio.charset.StandardCharsets.UTF_8))
                        ? page(null, projectNumber(ID1, P1, "laml_webhooks", null, "https://old.example.com/sms"))
                        : page(null));
        SIGNALWIRE.answer(
                "PUT /api/relay/rest/phone_numbers/" + ID1,
                r -> Reply.json(
                        200, projectNumber(ID1, P1, "relay_script", PUBLIC + "/calls/route", PUBLIC + "/texts/route")));
        String service = service("deliveries");

        Response added = http.postJson(
                "/api/v1/services/" + service + "/numbers",
                "{\"numbers\": [\"" + P1 + "\", \"" + P2 + "\"], \"configure\": true}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(JsonPath.<List<String>>read(added.body(), "$.items[*].number"))
                .containsExactly(P1, P2);
        assertThat(JsonPath.<List<String>>read(added.body(), "$.configuration[*].result"))
                .containsExactly("configured", "not-in-project");
        assertThat((String) JsonPath.read(added.body(), "$.configuration[0].signalwire_id"))
                .isEqualTo(ID1);
        assertThat((String) JsonPath.read(added.body(), "$.configuration[0].call_handler"))
                .isEqualTo("laml_webhooks");

        List<Received> lookups = SIGNALWIRE.received(LIST);
        assertThat(lookups)
                .extracting(Received::query)
                .containsExactlyInAnyOrder("filter_number=%2B15551230001", "filter_number=%2B15551230002");
        List<Received> puts = SIGNALWIRE.received("PUT /api/relay/rest/phone_numbers/" + ID1);
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).basicCredentials()).isEqualTo(FakeSignalWire.PROJECT + ":" + FakeSignalWire.TOKEN);
        JsonNode body = JSON.readTree(puts.get(0).text());
        assertThat(body.path("call_handler").asString()).isEqualTo("relay_script");
        assertThat(body.path("call_relay_script_url").asString()).isEqualTo(PUBLIC + "/calls/route");
        assertThat(body.path("message_handler").asString()).isEqualTo("laml_webhooks");
        assertThat(body.path("message_request_url").asString()).isEqualTo(PUBLIC + "/texts/route");
        assertThat(body.path("message_request_method").asString()).isEqualTo("POST");
    }

    @Test
    void aChangeSignalWireRefusesIsReportedForThatNumber() {
        SIGNALWIRE.answer(LIST, r -> page(null, projectNumber(ID1, P1, "laml_webhooks", null, null)));
        SIGNALWIRE.answer(
                "PUT /api/relay/rest/phone_numbers/" + ID1,
                r -> Reply.json(
                        422,
                        "{\"errors\": [{\"code\": \"invalid_parameter\", \"message\": \"call_relay_script_url is invalid\"}]}"));
        String service = service("deliveries");

        Response added = http.postJson(
                "/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"" + P1 + "\"], \"configure\": true}");

        assertThat(added.status()).isEqualTo(201);
        assertThat((String) JsonPath.read(added.body(), "$.configuration[0].result"))
                .isEqualTo("failed");
        assertThat((String) JsonPath.read(added.body(), "$.configuration[0].error"))
                .contains("422")
                .contains("invalid_parameter")
                .contains("call_relay_script_url is invalid");
        // A 4xx is not tried again; the number is in the pool all the same.
        assertThat(SIGNALWIRE.received("PUT /api/relay/rest/phone_numbers/" + ID1))
                .hasSize(1);
        assertThat(http.get("/api/v1/services/" + service + "/numbers/" + P1).status())
                .isEqualTo(200);
    }

    @Test
    void syncReportsEachPoolNumberAcrossPagesAndFixesOnlyTheWrongOnes() {
        SIGNALWIRE.answer(
                LIST,
                r -> r.query() != null && r.query().contains("page_token=next")
                        ? page(
                                null,
                                projectNumber(
                                        ID2, P2, "laml_webhooks", null, "https://ops:hunter2@old.example.com/sms?x=1"))
                        : page(
                                "/api/relay/rest/phone_numbers?page_size=1000&page_number=1&page_token=next",
                                projectNumber(
                                        ID1, P1, "relay_script", PUBLIC + "/calls/route", PUBLIC + "/texts/route")));
        SIGNALWIRE.answer(
                "PUT /api/relay/rest/phone_numbers/" + ID2,
                r -> Reply.json(
                        200, projectNumber(ID2, P2, "relay_script", PUBLIC + "/calls/route", PUBLIC + "/texts/route")));
        String service = service("deliveries");
        // More numbers than are looked up one by one, so the project's list is read.
        String[] pool = new String[12];
        pool[0] = P1;
        pool[1] = P2;
        for (int i = 2; i < pool.length; i++) {
            pool[i] = "+155512300" + (10 + i);
        }
        numbers(service, pool);

        Response checked = http.postJson("/api/v1/services/" + service + "/numbers/sync", "{}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(checked.body(), "$.items[0:2].result"))
                .containsExactly("ok", "wrong-handlers");
        assertThat(JsonPath.<List<String>>read(checked.body(), "$.items[2:].result"))
                .containsOnly("not-in-project");
        // A password in a handler's URL is not passed on.
        assertThat((String) JsonPath.read(checked.body(), "$.items[1].message_url"))
                .isEqualTo("https://old.example.com/sms?x=1");
        assertThat(checked.body()).doesNotContain("hunter2");
        assertThat(SIGNALWIRE.received(LIST)).hasSize(2);
        assertThat(SIGNALWIRE.received("PUT /api/relay/rest/phone_numbers/" + ID2))
                .isEmpty();

        Response fixed = http.postJson("/api/v1/services/" + service + "/numbers/sync", "{\"fix\": true}");
        assertThat(JsonPath.<List<String>>read(fixed.body(), "$.items[0:2].result"))
                .containsExactly("ok", "configured");
        assertThat(SIGNALWIRE.received("PUT /api/relay/rest/phone_numbers/" + ID1))
                .isEmpty();
        assertThat(SIGNALWIRE.received("PUT /api/relay/rest/phone_numbers/" + ID2))
                .hasSize(1);

        assertThat(http.postJson("/api/v1/services/" + service + "/numbers/sync", "{\"fix\": \"yes\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedSoTheCredentialsGoNowhereElse() {
        SIGNALWIRE.answer(
                LIST,
                r -> page(
                        "https://attacker.example.net/api/relay/rest/phone_numbers?page_token=x",
                        projectNumber(ID1, P1, "relay_script", PUBLIC + "/calls/route", PUBLIC + "/texts/route")));
        String service = service("deliveries");
        String[] pool = new String[11];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "+155512300" + (20 + i);
        }
        pool[0] = P1;
        numbers(service, pool);

        Response checked = http.postJson("/api/v1/services/" + service + "/numbers/sync", "{}");

        assertThat(checked.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(checked.body(), "$.items[0].result")).isEqualTo("ok");
        assertThat(SIGNALWIRE.received(LIST)).hasSize(1);
    }

    @Test
    void numbersAreNotAddedWhenTheyCannotBeConfiguredAsAsked() {
        // configure must be a boolean.
        String service = service("deliveries");
        Response invalid = http.postJson(
                "/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"" + P3 + "\"], \"configure\": \"yes\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/services/" + service + "/numbers/" + P3).status())
                .isEqualTo(404);
        assertThat(SIGNALWIRE.received()).isEmpty();
    }
}
