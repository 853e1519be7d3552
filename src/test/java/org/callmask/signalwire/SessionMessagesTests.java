package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Received;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

class SessionMessagesTests extends SignalWireTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final Reply ACCEPTED = Reply.json(
            201,
            "{\"sid\": \"SM5a1b2c3d-0000-4000-8000-000000000001\", \"status\": \"queued\", \"num_segments\": \"1\"}");

    private Response send(String service, String session, String body) {
        return http.postJson("/api/v1/services/" + service + "/sessions/" + session + "/messages", body);
    }

    private Response sendWithKey(String service, String session, String key, String body) {
        return http.send(http.request("/api/v1/services/" + service + "/sessions/" + session + "/messages")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aMessageGoesFromTheProxyNumberTheRecipientKnowsWithAStatusCallback() {
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String alice = participantId(session, ALICE);

        Response sent = send(
                service,
                id(session),
                "{\"to_participant\": \"" + alice + "\", \"body\": \"Your courier is outside.\"}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.headers().get("idempotent-replayed")).containsExactly("false");
        assertThat((String) JsonPath.read(sent.body(), "$.origin")).isEqualTo("api");
        assertThat((String) JsonPath.read(sent.body(), "$.type")).isEqualTo("message");
        assertThat((Object) JsonPath.read(sent.body(), "$.from_participant")).isNull();
        assertThat((String) JsonPath.read(sent.body(), "$.to_participant")).isEqualTo(alice);
        assertThat((String) JsonPath.read(sent.body(), "$.proxy_number")).isEqualTo(P1);
        assertThat((String) JsonPath.read(sent.body(), "$.status")).isEqualTo("queued");
        assertThat((String) JsonPath.read(sent.body(), "$.outbound_ref"))
                .isEqualTo("SM5a1b2c3d-0000-4000-8000-000000000001");
        assertThat(sent.body()).doesNotContain(ALICE).doesNotContain(BOB);

        List<Received> requests = SIGNALWIRE.received("POST " + FakeSignalWire.messagesPath());
        assertThat(requests).hasSize(1);
        Received request = requests.get(0);
        assertThat(request.basicCredentials()).isEqualTo(FakeSignalWire.PROJECT + ":" + FakeSignalWire.TOKEN);
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        Map<String, List<String>> form = request.form();
        assertThat(form.get("From")).containsExactly(P1);
        assertThat(form.get("To")).containsExactly(ALICE);
        assertThat(form.get("Body")).containsExactly("Your courier is outside.");
        assertThat(form).doesNotContainKey("MediaUrl");
        String statusCallback = form.get("StatusCallback").get(0);
        assertThat(statusCallback).matches("https://callmask\\.example\\.com/texts/status/[A-Za-z0-9_-]{20,}");

        // SignalWire reports the delivery to the URL it was given.
        clock.advance(java.time.Duration.ofSeconds(3));
        Response delivered = http.postForm(
                pathOf(statusCallback),
                HttpTestClient.fields(
                        "MessageSid",
                        "SM5a1b2c3d-0000-4000-8000-000000000001",
                        "MessageStatus",
                        "delivered",
                        "AccountSid",
                        FakeSignalWire.PROJECT,
                        "From",
                        P1,
                        "To",
                        ALICE));
        assertThat(delivered.status()).isEqualTo(200);
        String interaction = http.get("/api/v1/services/" + service + "/interactions/" + id(sent.body()))
                .body();
        assertThat((String) JsonPath.read(interaction, "$.status")).isEqualTo("delivered");
        assertThat(JsonPath.<List<String>>read(interaction, "$.status_history[*].status"))
                .containsExactly("queued", "delivered");

        // It counts as an interaction of the session.
        String after = http.get("/api/v1/services/" + service + "/sessions/" + id(session))
                .body();
        org.awaitility.Awaitility.await()
                .until(
                        () -> JsonPath.<String>read(
                                http.get("/api/v1/services/" + service + "/sessions/" + id(session))
                                        .body(),
                                "$.status"),
                        "in-progress"::equals);
        assertThat(after).contains(id(session));
    }

    @Test
    void signalWireReportsTheMessageSentThenDeliveredAndItsRecordFollows() {
        String sid = "SM5a1b2c3d-0000-4000-8000-000000000001";
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> {
            String statusUrl = r.form().get("StatusCallback").get(0);
            return ACCEPTED.then(() ->
                            SIGNALWIRE.post(statusUrl, FORM, "MessageSid=" + sid + "&MessageStatus=sent&To=" + ALICE))
                    .then(() -> SIGNALWIRE.post(
                            statusUrl, FORM, "MessageSid=" + sid + "&MessageStatus=delivered&To=" + ALICE));
        });
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response sent = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"Outside\"}");

        assertThat(sent.status()).isEqualTo(202);
        String path = "/api/v1/services/" + service + "/interactions/" + id(sent.body());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                (String) JsonPath.read(http.get(path).body(), "$.status"))
                        .isEqualTo("delivered"));
        assertThat(JsonPath.<List<String>>read(http.get(path).body(), "$.status_history[*].status"))
                .containsExactly("queued", "sent", "delivered");
        assertThat(SIGNALWIRE.callBacks())
                .extracting(FakeSignalWire.CallBack::status)
                .containsExactly(200, 200);
    }

    @Test
    void mediaUrlsGoAsOneMediaUrlFieldEach() {
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response sent = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, BOB)
                        + "\", \"media_urls\": [\"https://cdn.example.com/1.jpg\", \"https://cdn.example.com/2.jpg\"]}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        Map<String, List<String>> form = SIGNALWIRE.received().get(0).form();
        assertThat(form.get("From")).containsExactly(P2);
        assertThat(form.get("To")).containsExactly(BOB);
        assertThat(form).doesNotContainKey("Body");
        assertThat(form.get("MediaUrl"))
                .containsExactly("https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg");
    }

    @Test
    void badMessagesAreRefusedWithWhatWasWrongAndNothingIsSent() {
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String alice = participantId(session, ALICE);
        String nine = "\"https://cdn.example.com/x.jpg\", ".repeat(8) + "\"https://cdn.example.com/x.jpg\"";

        Map<String, String> cases = Map.of(
                "{\"to_participant\": \"" + alice + "\"}",
                "body",
                "{\"to_participant\": \"" + alice + "\", \"body\": \"\"}",
                "body",
                "{\"body\": \"hi\"}",
                "to_participant",
                "{\"to_participant\": \"" + ALICE + "\", \"body\": \"hi\"}",
                "to_participant",
                "{\"to_participant\": \"" + alice + "\", \"media_urls\": [" + nine + "]}",
                "media_urls",
                "{\"to_participant\": \"" + alice + "\", \"media_urls\": [\"ftp://cdn.example.com/1.jpg\"]}",
                "media_urls",
                "{\"to_participant\": \"" + alice + "\", \"body\": \"" + "x".repeat(1601) + "\"}",
                "body",
                "{\"to_participant\": \"" + alice + "\", \"body\": \"hi\", \"from\": \"+15550000000\"}",
                "from");
        cases.forEach((body, field) -> {
            Response refused = send(service, id(session), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field"))
                    .as(body)
                    .contains(field);
        });
        Response badKey = sendWithKey(
                service, id(session), "x".repeat(256), "{\"to_participant\": \"" + alice + "\", \"body\": \"hi\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(SIGNALWIRE.received()).isEmpty();
        assertThat(http.get("/api/v1/services/" + service + "/interactions").body())
                .contains("\"items\":[]");
    }

    @Test
    void aClosedSessionOrOneForCallsOnlyCarriesNoMessage() {
        String service = service("deliveries");
        numbers(service, P1, P2);
        String voiceOnly = aliceAndBob(service, "\"mode\": \"voice-only\"");
        Response mode = send(
                service,
                id(voiceOnly),
                "{\"to_participant\": \"" + participantId(voiceOnly, ALICE) + "\", \"body\": \"hi\"}");
        assertThat(mode.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(mode.body(), "$.type")).endsWith("mode-not-allowed");
        http.delete("/api/v1/services/" + service + "/sessions/" + id(voiceOnly));

        String session = aliceAndBob(service, "");
        Response unknown = send(
                service,
                id(session),
                "{\"to_participant\": \"par_00000000000000000000000000000000\", \"body\": \"hi\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.patchJson(
                                "/api/v1/services/" + service + "/sessions/" + id(session), "{\"status\": \"closed\"}")
                        .status())
                .isEqualTo(200);
        Response closed = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(closed.body(), "$.type")).endsWith("session-closed");

        assertThat(SIGNALWIRE.received()).isEmpty();
    }

    @Test
    void aRequestRepeatedWithItsIdempotencyKeySendsNothingTheSecondTime() {
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String body = "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"Arrived\"}";

        Response first = sendWithKey(service, id(session), "order-1234-arrived", body);
        Response again = sendWithKey(service, id(session), "order-1234-arrived", body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(id(again.body())).isEqualTo(id(first.body()));
        assertThat(SIGNALWIRE.received()).hasSize(1);
    }

    @Test
    void aRefusalFromSignalWireReachesTheCallerWithItsCodeAndTheMessageStaysOnRecordAsFailed() {
        SIGNALWIRE.answer(
                "POST " + FakeSignalWire.messagesPath(),
                r -> Reply.json(
                        400,
                        "{\"code\": 21212, \"message\": \"The 'From' number is not a valid phone number.\", "
                                + "\"more_info\": \"https://developer.signalwire.com\", \"status\": 400}"));
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response refused = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(refused.body(), "$.signalwire_code")).isEqualTo("21212");
        assertThat((Integer) JsonPath.read(refused.body(), "$.signalwire_status"))
                .isEqualTo(400);
        assertThat((String) JsonPath.read(refused.body(), "$.signalwire_message"))
                .contains("not a valid phone number");
        assertThat(refused.body()).doesNotContain(FakeSignalWire.TOKEN);
        // A 4xx is not tried again.
        assertThat(SIGNALWIRE.received()).hasSize(1);
        String listed =
                http.get("/api/v1/services/" + service + "/interactions").body();
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].status")).containsExactly("failed");
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].end_reason")).containsExactly("signalwire-21212");
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() {
        SIGNALWIRE.answerInTurn(
                "POST " + FakeSignalWire.messagesPath(),
                Reply.json(429, "{\"code\": 20429, \"message\": \"Too many requests\"}")
                        .withHeader("Retry-After", "1"),
                ACCEPTED);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        long started = System.nanoTime();
        Response sent = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}");
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(SIGNALWIRE.received()).hasSize(2);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aSendAnsweredWithA500IsNotTriedAgainForItMayHaveBeenSent() {
        SIGNALWIRE.answer(
                "POST " + FakeSignalWire.messagesPath(),
                r -> Reply.json(500, "{\"errors\": [{\"code\": \"internal_error\", \"message\": \"Oops\"}]}"));
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String body = "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}";

        Response unknown = sendWithKey(service, id(session), "order-1-arrived", body);

        assertThat(unknown.status()).isEqualTo(503);
        assertThat((Boolean) JsonPath.read(unknown.body(), "$.outcome_unknown")).isTrue();
        assertThat(SIGNALWIRE.received()).hasSize(1);
        // It may have gone out: the key still names it, and its retry sends nothing.
        Response retried = sendWithKey(service, id(session), "order-1-arrived", body);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(SIGNALWIRE.received()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsHandedBackToTheCaller() {
        SIGNALWIRE.answer(
                "POST " + FakeSignalWire.messagesPath(),
                r -> Reply.json(429, "{\"code\": 20429, \"message\": \"Too many requests\"}")
                        .withHeader("Retry-After", "3600"));
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String body = "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}";

        Response busy = sendWithKey(service, id(session), "order-2-arrived", body);

        assertThat(busy.status()).isEqualTo(503);
        assertThat((Boolean) JsonPath.read(busy.body(), "$.outcome_unknown")).isFalse();
        assertThat(busy.headers().get("retry-after")).containsExactly("3600");
        assertThat(SIGNALWIRE.received()).hasSize(1);
        // Nothing was sent, so the key is free: the retry sends.
        SIGNALWIRE.reset();
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED);
        Response retried = sendWithKey(service, id(session), "order-2-arrived", body);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.headers().get("idempotent-replayed")).containsExactly("false");
        assertThat(SIGNALWIRE.received()).hasSize(1);
    }

    @Test
    void aKeyUsedBeforeWithAnotherRequestIsRefusedAndNothingIsSent() {
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED);
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String alice = participantId(session, ALICE);

        assertThat(sendWithKey(
                                service,
                                id(session),
                                "order-3",
                                "{\"to_participant\": \"" + alice + "\", \"body\": \"A\"}")
                        .status())
                .isEqualTo(202);
        Response other = sendWithKey(
                service, id(session), "order-3", "{\"to_participant\": \"" + alice + "\", \"body\": \"B\"}");

        assertThat(other.status()).isEqualTo(422);
        assertThat((String) JsonPath.read(other.body(), "$.type")).endsWith("idempotency-key-reused");
        assertThat(SIGNALWIRE.received()).hasSize(1);
    }

    @Test
    void unavailableAnswersAreTriedAgainAndAfterTheLastTryTheCallerGetsA502() {
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String body = "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}";
        Reply down = Reply.json(503, "{\"errors\": [{\"code\": \"internal_error\", \"message\": \"Try again\"}]}");

        SIGNALWIRE.answerInTurn("POST " + FakeSignalWire.messagesPath(), down, down, ACCEPTED);
        assertThat(send(service, id(session), body).status()).isEqualTo(202);
        assertThat(SIGNALWIRE.received()).hasSize(3);

        SIGNALWIRE.reset();
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> down);
        Response failed = send(service, id(session), body);
        assertThat(failed.status()).isEqualTo(502);
        assertThat((String) JsonPath.read(failed.body(), "$.signalwire_code")).isEqualTo("internal_error");
        // callmask.signalwire.max-attempts (3) in all.
        assertThat(SIGNALWIRE.received()).hasSize(3);
    }

    @Test
    void aSendThatTimesOutIsNotTriedAgainForItMayHaveBeenSent() {
        SIGNALWIRE.answer("POST " + FakeSignalWire.messagesPath(), r -> ACCEPTED.after(1500));
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");

        Response timedOut = send(
                service,
                id(session),
                "{\"to_participant\": \"" + participantId(session, ALICE) + "\", \"body\": \"hi\"}");

        assertThat(timedOut.status()).isEqualTo(503);
        assertThat((Boolean) JsonPath.read(timedOut.body(), "$.outcome_unknown"))
                .isTrue();
        assertThat(timedOut.headers().get("retry-after")).isNotEmpty();
        assertThat(SIGNALWIRE.received()).hasSize(1);
        // Its status is left for SignalWire's callback to tell.
        String listed =
                http.get("/api/v1/services/" + service + "/interactions").body();
        assertThat(JsonPath.<List<Object>>read(listed, "$.items[*].status")).containsExactly((Object) null);
    }
}
