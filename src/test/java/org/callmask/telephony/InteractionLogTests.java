package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call and text that reaches a webhook is on record, by participant id only, and SignalWire's
 * status callbacks, sent to the URL the answer named, move it along; a callback with a token no
 * interaction has stores nothing.
 */
class InteractionLogTests extends V1RoutingTest {

    private static final String CALL_ID = "b5d63b2e-f75b-4dc8-b6d4-269b635f96c0";
    private static final String OUTBOUND_LEG = "0c2a6f1e-5d4b-4c3a-8b2e-1f0e9d8c7b6a";

    private String service;
    private String session;

    @BeforeEach
    void aSessionBetweenAliceAndBob() {
        service = plainService("interaction-log");
        numbers(service, P1, P2, P3);
        session = sessionWithProxies(service, ALICE, P1, BOB, P2);
    }

    private List<Object> interactionsOfTheSession() {
        Response page = http.get("/api/v1/services/" + service + "/sessions/" + id(session) + "/interactions");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(ALICE, BOB);
        return JsonPath.read(page.body(), "$.items");
    }

    private String interaction(String interactionId) {
        Response found = http.get("/api/v1/services/" + service + "/interactions/" + interactionId);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.body();
    }

    private String onlyInteractionId() {
        awaitInteractions(service, 1);
        Response page = http.get("/api/v1/services/" + service + "/interactions");
        List<String> ids = JsonPath.read(page.body(), "$.items[*].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    private Response swmlCallback(String url, String json) {
        return http.postJson(pathOf(url), json);
    }

    private static String callState(String state, String endReason) {
        return """
                {"event_type": "calling.call.state", "event_channel": "swml:abc", "timestamp": 1640000000.123,
                 "project_id": "p", "space_id": "s",
                 "params": {"call_id": "%s", "node_id": "n", "call_state": "%s", "direction": "outbound",
                            "device": {"type": "phone", "params": {"from_number": "%s", "to_number": "%s"}},
                            "end_reason": %s}}
                """.formatted(OUTBOUND_LEG, state, P2, BOB, endReason == null ? "null" : "\"" + endReason + "\"");
    }

    @Test
    void aCallPutThroughIsOnRecordByParticipantIdsWithTheInboundCallId() {
        call(ALICE, P1);
        awaitInteractions(service, 1);

        List<Object> items = interactionsOfTheSession();

        assertThat(items).hasSize(1);
        String view = interaction(onlyInteractionId());
        assertThat((String) JsonPath.read(view, "$.type")).isEqualTo("call");
        assertThat((String) JsonPath.read(view, "$.outcome")).isEqualTo("connected");
        assertThat((String) JsonPath.read(view, "$.session_id")).isEqualTo(id(session));
        assertThat((String) JsonPath.read(view, "$.from_participant")).isEqualTo(participantId(session, ALICE));
        assertThat((String) JsonPath.read(view, "$.to_participant")).isEqualTo(participantId(session, BOB));
        assertThat((String) JsonPath.read(view, "$.inbound_ref")).isEqualTo(CALL_ID);
        assertThat((String) JsonPath.read(view, "$.proxy_number")).isEqualTo(P1);
        assertThat((Object) JsonPath.read(view, "$.status")).isNull();
        assertThat(view).doesNotContain(ALICE, BOB);
    }

    @Test
    void theSwmlAnswerAsksForTheCallsStatesAtAnUnguessableUrlOfItsOwn() {
        String first = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        String second = JsonPath.read(call(BOB, P2).body(), "$.sections.main[0].connect.call_state_url");

        assertThat(pathOf(first)).matches("/calls/status/[0-9a-f]{64}");
        assertThat(first).isNotEqualTo(second).startsWith(http.base());
        List<String> events = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_events");
        assertThat(events).containsExactly("ringing", "answered", "ended");
    }

    @Test
    void aCallsStatusCallbacksMoveItAlongAndGiveItsDuration() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");

        assertThat(swmlCallback(url, callState("ringing", null)).status()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(5));
        assertThat(swmlCallback(url, callState("answered", null)).status()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(184));
        assertThat(swmlCallback(url, callState("ended", "hangup")).status()).isEqualTo(204);

        String view = interaction(onlyInteractionId());
        assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("ended");
        assertThat((List<String>) JsonPath.read(view, "$.status_history[*].status"))
                .containsExactly("ringing", "answered", "ended");
        assertThat((Integer) JsonPath.read(view, "$.duration_seconds")).isEqualTo(184);
        assertThat((String) JsonPath.read(view, "$.end_reason")).isEqualTo("hangup");
        assertThat((String) JsonPath.read(view, "$.outbound_ref")).isEqualTo(OUTBOUND_LEG);
    }

    @Test
    void aLateOrRepeatedCallbackNeverMovesTheStatusBack() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        swmlCallback(url, callState("answered", null));
        swmlCallback(url, callState("ended", "hangup"));

        swmlCallback(url, callState("ringing", null));
        swmlCallback(url, callState("ended", "hangup"));

        String view = interaction(onlyInteractionId());
        assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("ended");
        assertThat((List<String>) JsonPath.read(view, "$.status_history[*].status"))
                .containsExactlyInAnyOrder("answered", "ended", "ringing");
    }

    @Test
    void aCallbackWithATokenNoInteractionHasIsRefusedAndStoresNothing() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        String forged = "/calls/status/" + "0123456789abcdef".repeat(4);
        // The real token names its interaction; the same id with another secret is refused.
        String real = pathOf(url);
        String sameIdOtherSecret = real.substring(0, real.length() - 32) + "0".repeat(32);

        assertThat(http.postJson(forged, callState("answered", null)).status()).isEqualTo(404);
        assertThat(http.postJson(sameIdOtherSecret, callState("answered", null)).status())
                .isEqualTo(404);
        assertThat(http.postJson("/calls/status/not-a-token", callState("answered", null))
                        .status())
                .isEqualTo(404);
        assertThat(http.postForm("/texts/status/" + "f".repeat(64), fields("MessageStatus", "delivered"))
                        .status())
                .isEqualTo(404);

        String view = interaction(onlyInteractionId());
        assertThat((Object) JsonPath.read(view, "$.status")).isNull();
        assertThat((List<Object>) JsonPath.read(view, "$.status_history")).isEmpty();
        assertThat(pathOf(url)).isNotEqualTo(forged);
    }

    @Test
    void aTextsStatusCallbacksReachItThroughTheMessagesStatusCallback() {
        Response answer = text(ALICE, P1, "I'm at the door");
        String url = xpath(answer.body(), "/Response/Message/@statusCallback");
        assertThat(pathOf(url)).matches("/texts/status/[0-9a-f]{64}");

        Response sent = http.postForm(pathOf(url), fields("MessageSid", "SM77aa", "MessageStatus", "sent"));
        Response delivered = http.postForm(pathOf(url), fields("MessageSid", "SM77aa", "MessageStatus", "delivered"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(delivered.status()).isEqualTo(200);
        String view = interaction(onlyInteractionId());
        assertThat((String) JsonPath.read(view, "$.type")).isEqualTo("message");
        assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("delivered");
        assertThat((String) JsonPath.read(view, "$.outbound_ref")).isEqualTo("SM77aa");
        assertThat((String) JsonPath.read(view, "$.inbound_ref")).isEqualTo("SM0b4f3c1e");
    }

    @Test
    void aMessagesTextIsNotKeptUnlessContentIsStored() {
        text(ALICE, P1, "Gate code 4321");

        String view = interaction(onlyInteractionId());

        assertThat((Object) JsonPath.read(view, "$.body")).isNull();
        assertThat(view).doesNotContain("4321");
    }

    @Test
    void aLamlCallReportsThroughTheDialledNumbersCallbacksAndNeverTakesOverTheCallersLeg() {
        Response answer = formCall(ALICE, P1);
        String url = xpath(answer.body(), "/Response/Dial/Number/@statusCallback");
        assertThat(xpath(answer.body(), "/Response/Dial/Number/@statusCallbackEvent"))
                .isEqualTo("initiated ringing answered completed");
        assertThat(xpath(answer.body(), "/Response/Dial/@action")).isEmpty();

        Response ringing = http.postForm(pathOf(url), fields("CallSid", "CA99", "CallStatus", "ringing"));
        Response done =
                http.postForm(pathOf(url), fields("CallSid", "CA99", "CallStatus", "completed", "CallDuration", "42"));

        assertThat(ringing.status()).isEqualTo(200);
        assertThat(done.status()).isEqualTo(200);
        assertThat(children(done.body(), "/Response")).isEmpty();
        String view = interaction(onlyInteractionId());
        assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("ended");
        assertThat((Integer) JsonPath.read(view, "$.duration_seconds")).isEqualTo(42);
        assertThat((String) JsonPath.read(view, "$.end_reason")).isEqualTo("completed");
        assertThat((String) JsonPath.read(view, "$.outbound_ref")).isEqualTo("CA99");
    }

    @Test
    void aRepeatedEndKeepsTheDurationOfTheFirstAndAnswerAfterEndFixesIt() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        clock.advance(Duration.ofSeconds(60));
        swmlCallback(url, callState("ended", "hangup"));
        clock.advance(Duration.ofSeconds(30));
        swmlCallback(url, callState("ended", "hangup"));

        assertThat((Integer) JsonPath.read(interaction(onlyInteractionId()), "$.duration_seconds"))
                .isZero();

        // The answered callback crossed the ended one: it happened 50 s before the end was reported.
        clock.advance(Duration.ofSeconds(-80));
        swmlCallback(url, callState("answered", null));

        assertThat((Integer) JsonPath.read(interaction(onlyInteractionId()), "$.duration_seconds"))
                .isEqualTo(50);
    }

    @Test
    void aCallFromAStrangerIsOnRecordAsRefusedOutsideAnySession() {
        assertRefused(call(STRANGER, P1));

        String view = interaction(onlyInteractionId());

        assertThat((String) JsonPath.read(view, "$.outcome")).isEqualTo("refused");
        assertThat((String) JsonPath.read(view, "$.reason")).isEqualTo("no-route");
        assertThat((Object) JsonPath.read(view, "$.session_id")).isNull();
        assertThat((Object) JsonPath.read(view, "$.from_participant")).isNull();
        assertThat(view).doesNotContain(STRANGER);
        assertThat(interactionsOfTheSession()).isEmpty();
    }

    @Test
    void theListFiltersByTypeAndOutcome() {
        call(ALICE, P1);
        clock.advance(Duration.ofSeconds(1));
        text(BOB, P2, "hi");
        clock.advance(Duration.ofSeconds(1));
        call(STRANGER, P1);
        awaitInteractions(service, 3);

        Response messages = http.get("/api/v1/services/" + service + "/interactions?type=message");
        Response refused = http.get("/api/v1/services/" + service + "/interactions?outcome=refused&type=call");
        Response ofSession = http.get("/api/v1/services/" + service + "/interactions?session_id=" + id(session));

        assertThat((List<String>) JsonPath.read(messages.body(), "$.items[*].type"))
                .containsExactly("message");
        assertThat((List<String>) JsonPath.read(refused.body(), "$.items[*].reason"))
                .containsExactly("no-route");
        assertThat((List<String>) JsonPath.read(ofSession.body(), "$.items[*].type"))
                .containsExactly("call", "message");
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        Response bad = http.get("/api/v1/services/" + service + "/interactions?outcome=maybe");

        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) JsonPath.read(bad.body(), "$.errors[0].field")).isEqualTo("outcome");
    }

    @Test
    void aDeletedInteractionIsGoneWithItsHistory() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        swmlCallback(url, callState("answered", null));
        String interactionId = onlyInteractionId();

        Response deleted = http.delete("/api/v1/services/" + service + "/interactions/" + interactionId);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/api/v1/services/" + service + "/interactions/" + interactionId)
                        .status())
                .isEqualTo(404);
        assertThat(swmlCallback(url, callState("ended", "hangup")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/services/" + service + "/interactions/" + interactionId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anInteractionOfAnotherServiceIsNotFound() {
        call(ALICE, P1);
        String other = plainService("someone-else");

        Response found = http.get("/api/v1/services/" + other + "/interactions/" + onlyInteractionId());

        assertThat(found.status()).isEqualTo(404);
    }
}
