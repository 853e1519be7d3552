package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Received;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.SwmlSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SessionCallsTests extends SignalWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLS = "POST /api/calling/calls";
    private static final Reply DIALLING = Reply.json(
            200, "{\"id\": \"c0ffee00-0000-4000-8000-00000000a11c\", \"status\": \"queued\", \"type\": \"phone\"}");

    private Response start(String service, String session, String first) {
        return http.postJson(
                "/api/v1/services/" + service + "/sessions/" + session + "/calls",
                "{\"first_participant\": \"" + first + "\"}");
    }

    /** SignalWire fetching the SWML URL it was given once the first participant answered. */
    private Response answered(String url) {
        Response swml = http.postJson(
                pathOf(url),
                "{\"call\": {\"call_id\": \"c0ffee00-0000-4000-8000-00000000a11c\", \"direction\": \"outbound\", "
                        + "\"type\": \"phone\", \"from\": \"" + P1 + "\", \"to\": \"" + ALICE + "\"}, \"vars\": {}}");
        assertThat(swml.status()).isEqualTo(200);
        assertThat(swml.contentType()).startsWith("application/json");
        SwmlSchema.assertValid(swml.body());
        return swml;
    }

    private void callState(String url, String state) {
        Response reported = http.postJson(
                pathOf(url),
                "{\"event_type\": \"calling.call.state\", \"params\": {\"call_id\": \"c0ffee00-0000-4000-8000-00000000a11c\", "
                        + "\"call_state\": \"" + state + "\", \"direction\": \"outbound\""
                        + (state.equals("ended") ? ", \"end_reason\": \"hangup\"" : "")
                        + "}}");
        assertThat(reported.status()).isEqualTo(204);
    }

    @Test
    void theFirstParticipantIsDialledFromTheirProxyAndOnAnswerConnectedToTheOther() {
        SIGNALWIRE.answer(CALLS, r -> DIALLING);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String alice = participantId(session, ALICE);

        Response started = start(service, id(session), alice);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat((String) JsonPath.read(started.body(), "$.origin")).isEqualTo("api");
        assertThat((String) JsonPath.read(started.body(), "$.type")).isEqualTo("call");
        assertThat((String) JsonPath.read(started.body(), "$.from_participant")).isEqualTo(alice);
        assertThat((String) JsonPath.read(started.body(), "$.to_participant")).isEqualTo(participantId(session, BOB));
        assertThat((String) JsonPath.read(started.body(), "$.outbound_ref"))
                .isEqualTo("c0ffee00-0000-4000-8000-00000000a11c");
        assertThat(started.body()).doesNotContain(ALICE).doesNotContain(BOB);

        List<Received> dials = SIGNALWIRE.received(CALLS);
        assertThat(dials).hasSize(1);
        assertThat(dials.get(0).basicCredentials()).isEqualTo(FakeSignalWire.PROJECT + ":" + FakeSignalWire.TOKEN);
        assertThat(dials.get(0).contentType()).startsWith("application/json");
        JsonNode dial = JSON.readTree(dials.get(0).text());
        assertThat(dial.path("command").asString()).isEqualTo("dial");
        JsonNode params = dial.path("params");
        assertThat(params.path("from").asString()).isEqualTo(P1);
        assertThat(params.path("to").asString()).isEqualTo(ALICE);
        assertThat(params.path("timeout").asInt()).isEqualTo(30);
        assertThat(params.path("status_events").toString()).isEqualTo("[\"ringing\",\"ended\"]");
        String url = params.path("url").asString();
        String statusUrl = params.path("status_url").asString();
        assertThat(url).matches("https://callmask\\.example\\.com/calls/connect/[A-Za-z0-9_-]{20,}");
        assertThat(statusUrl).matches("https://callmask\\.example\\.com/calls/status/[A-Za-z0-9_-]{20,}");

        // Alice answers: SignalWire fetches the SWML, which connects her to Bob, shown P2.
        Response swml = answered(url);
        JsonNode connect =
                JSON.readTree(swml.body()).path("sections").path("main").get(0).path("connect");
        assertThat(connect.path("from").asString()).isEqualTo(P2);
        assertThat(connect.path("to").asString()).isEqualTo(BOB);
        assertThat(connect.path("timeout").asInt()).isEqualTo(30);
        String bobsLeg = connect.path("call_state_url").asString();
        assertThat(bobsLeg).startsWith(PUBLIC + "/calls/status/").isNotEqualTo(statusUrl);
        assertThat(swml.body()).doesNotContain(ALICE);

        // Alice's leg rang; Bob's leg says how the call went; Alice's leg ending says nothing more.
        callState(statusUrl, "ringing");
        callState(bobsLeg, "ringing");
        clock.advance(java.time.Duration.ofSeconds(5));
        callState(bobsLeg, "answered");
        clock.advance(java.time.Duration.ofSeconds(95));
        callState(bobsLeg, "ended");
        clock.advance(java.time.Duration.ofSeconds(1));
        callState(statusUrl, "ended");
        String interaction = http.get("/api/v1/services/" + service + "/interactions/" + id(started.body()))
                .body();
        assertThat((String) JsonPath.read(interaction, "$.status")).isEqualTo("ended");
        assertThat(JsonPath.<List<String>>read(interaction, "$.status_history[*].status"))
                .containsExactly("ringing", "answered", "ended");
        assertThat((Integer) JsonPath.read(interaction, "$.duration_seconds")).isEqualTo(95);
    }

    /** The Calling API's state event for a call, as SignalWire posts it. */
    private static String state(String state) {
        return "{\"event_type\": \"calling.call.state\", \"params\": {\"call_id\": "
                + "\"c0ffee00-0000-4000-8000-00000000a11c\", \"call_state\": \"" + state + "\", "
                + "\"direction\": \"outbound\"" + (state.equals("ended") ? ", \"end_reason\": \"hangup\"" : "") + "}}";
    }

    @Test
    void signalWireDialsAndOnAnswerFetchesTheConnectionAndBothLegsReportBack() {
        String json = "application/json";
        SIGNALWIRE.answer(CALLS, r -> {
            JsonNode params = JSON.readTree(r.text()).path("params");
            String statusUrl = params.path("status_url").asString();
            String connectUrl = params.path("url").asString();
            return DIALLING.then(() -> SIGNALWIRE.post(statusUrl, json, state("ringing")))
                    .then(() -> {
                        // Alice answers: SignalWire fetches the SWML and runs it.
                        FakeSignalWire.CallBack swml = SIGNALWIRE.post(
                                connectUrl,
                                json,
                                "{\"call\": {\"call_id\": \"c0ffee00-0000-4000-8000-00000000a11c\"}, \"vars\": {}}");
                        String bobsLeg = JSON.readTree(swml.answer())
                                .path("sections")
                                .path("main")
                                .get(0)
                                .path("connect")
                                .path("call_state_url")
                                .asString();
                        SIGNALWIRE.post(bobsLeg, json, state("ringing"));
                        SIGNALWIRE.post(bobsLeg, json, state("answered"));
                        SIGNALWIRE.post(bobsLeg, json, state("ended"));
                    })
                    .then(() -> SIGNALWIRE.post(statusUrl, json, state("ended")));
        });
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response started = start(service, id(session), participantId(session, ALICE));

        assertThat(started.status()).isEqualTo(202);
        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(SIGNALWIRE.callBacks()).hasSize(6));
        assertThat(SIGNALWIRE.callBacks())
                .extracting(FakeSignalWire.CallBack::status)
                .containsExactly(204, 200, 204, 204, 204, 204);
        assertThat(SIGNALWIRE.callBacks().get(1).answer()).contains(BOB).doesNotContain(ALICE);
        String interaction = http.get("/api/v1/services/" + service + "/interactions/" + id(started.body()))
                .body();
        assertThat((String) JsonPath.read(interaction, "$.status")).isEqualTo("ended");
        assertThat(JsonPath.<List<String>>read(interaction, "$.status_history[*].status"))
                .containsExactly("ringing", "answered", "ended");
    }

    @Test
    void theConnectUrlConnectsOnceAndTheStatusTokenConnectsNothing() {
        SIGNALWIRE.answer(CALLS, r -> DIALLING);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        assertThat(start(service, id(session), participantId(session, ALICE)).status())
                .isEqualTo(202);
        JsonNode params =
                JSON.readTree(SIGNALWIRE.received(CALLS).get(0).text()).path("params");
        String url = params.path("url").asString();
        String statusToken = params.path("status_url").asString().replaceAll(".*/", "");

        Response viaStatusToken = answered(PUBLIC + "/calls/connect/" + statusToken);
        assertThat(viaStatusToken.body()).doesNotContain(BOB).contains("hangup");

        assertThat(answered(url).body()).contains(BOB);
        Response again = answered(url);
        assertThat(again.body()).doesNotContain(BOB).doesNotContain("connect").contains("hangup");
    }

    @Test
    void aFirstParticipantWhoNeverAnswersEndsTheCallUnanswered() {
        SIGNALWIRE.answer(CALLS, r -> DIALLING);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        Response started = start(service, id(session), participantId(session, ALICE));
        String statusUrl = JSON.readTree(SIGNALWIRE.received(CALLS).get(0).text())
                .path("params")
                .path("status_url")
                .asString();

        callState(statusUrl, "ringing");
        clock.advance(java.time.Duration.ofSeconds(30));
        callState(statusUrl, "ended");

        String interaction = http.get("/api/v1/services/" + service + "/interactions/" + id(started.body()))
                .body();
        assertThat(JsonPath.<List<String>>read(interaction, "$.status_history[*].status"))
                .containsExactly("ringing", "ended");
        assertThat((Integer) JsonPath.read(interaction, "$.duration_seconds")).isZero();
        // Ended, the call can no longer be connected by a late fetch.
        Response late = answered(JSON.readTree(SIGNALWIRE.received(CALLS).get(0).text())
                .path("params")
                .path("url")
                .asString());
        assertThat(late.body()).doesNotContain(BOB).contains("hangup");
    }

    @Test
    void aSessionClosedWhileThePhoneRangConnectsNoOne() {
        SIGNALWIRE.answer(CALLS, r -> DIALLING);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        assertThat(start(service, id(session), participantId(session, ALICE)).status())
                .isEqualTo(202);
        String url = JSON.readTree(SIGNALWIRE.received(CALLS).get(0).text())
                .path("params")
                .path("url")
                .asString();

        assertThat(http.delete("/api/v1/services/" + service + "/sessions/" + id(session))
                        .status())
                .isEqualTo(204);
        Response swml = answered(url);

        assertThat(swml.body()).doesNotContain("connect").doesNotContain(BOB).contains("hangup");
    }

    @Test
    void anUnknownConnectTokenHearsTheRefusal() {
        Response swml = answered(PUBLIC + "/calls/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(swml.body()).doesNotContain("connect").contains("hangup");
    }

    @Test
    void aCallNeedsSomeoneToConnectToAndASessionThatCarriesCalls() {
        String service = service("deliveries");
        numbers(service, P1, P2);
        String messageOnly = aliceAndBob(service, "\"mode\": \"message-only\"");
        Response mode = start(service, id(messageOnly), participantId(messageOnly, ALICE));
        assertThat(mode.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(mode.body(), "$.type")).endsWith("mode-not-allowed");
        http.delete("/api/v1/services/" + service + "/sessions/" + id(messageOnly));

        String session = aliceAndBob(service, "");
        String bob = participantId(session, BOB);
        assertThat(http.delete("/api/v1/services/" + service + "/sessions/" + id(session) + "/participants/" + bob)
                        .status())
                .isEqualTo(204);
        Response alone = start(service, id(session), participantId(session, ALICE));
        assertThat(alone.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(alone.body(), "$.type")).endsWith("no-other-participant");
        Response removed = start(service, id(session), bob);
        assertThat(removed.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(removed.body(), "$.type")).endsWith("participant-removed");

        Response missing = http.postJson("/api/v1/services/" + service + "/sessions/" + id(session) + "/calls", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(missing.body(), "$.errors[*].field"))
                .containsExactly("first_participant");
        assertThat(SIGNALWIRE.received()).isEmpty();
    }

    @Test
    void aDialSignalWireRefusesEndsOnRecordAndReachesTheCallerAs502() {
        SIGNALWIRE.answer(
                CALLS,
                r -> Reply.json(
                        422,
                        "{\"errors\": [{\"type\": \"validation_error\", \"code\": \"invalid_parameter\", "
                                + "\"message\": \"to is not a valid E.164 number\", \"attribute\": \"to\"}]}"));
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response refused = start(service, id(session), participantId(session, ALICE));

        assertThat(refused.status()).isEqualTo(502);
        assertThat((String) JsonPath.read(refused.body(), "$.signalwire_code")).isEqualTo("invalid_parameter");
        assertThat(SIGNALWIRE.received(CALLS)).hasSize(1);
        String listed =
                http.get("/api/v1/services/" + service + "/interactions").body();
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].status")).containsExactly("ended");
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].end_reason"))
                .containsExactly("signalwire-invalid_parameter");
    }
}
