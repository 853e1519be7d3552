package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.callmask.support.CallbackVerifier;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.PlatformReceiver;
import org.callmask.support.PlatformReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Out-of-session callbacks: a call or text no session carries is posted, signed, to the platform,
 * with the session the caller last had on the number if it closed within the grace period. The
 * platform answers with a session to put it through, words to say or text back, or nothing, and
 * nothing usable (204, a failure, a timeout, an answer that does not fit) gets the fallback.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutOfSessionCallbackTests extends V1RoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ASK = "/out-of-session";
    private static final String FALLBACK_CALL = "Fallback announcement.";
    private static final String FALLBACK_TEXT = "Fallback reply.";

    private PlatformReceiver platform;
    private String service;
    private String secret;

    @BeforeEach
    void aServiceThatAsks() {
        platform = PlatformReceiver.start();
        Response created =
                http.postJson("/api/v1/services", """
                {"unique_name": "asking", "grace_period": 3600,
                 "out_of_session": {
                   "call": {"action": "callback", "url": "%1$s?token=oos-token-1",
                            "fallback": {"action": "announce", "message": "%2$s"}},
                   "message": {"action": "callback", "url": "%1$s?token=oos-token-1",
                               "fallback": {"action": "reply", "text": "%3$s"}}}}
                """.formatted(platform.url(ASK), FALLBACK_CALL, FALLBACK_TEXT));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        service = id(created.body());
        secret = JsonPath.read(created.body(), "$.callback_secret");
        numbers(service, P1, P2, P3);
    }

    @AfterEach
    void stopThePlatform() {
        platform.close();
    }

    private String closedSessionOfAliceAndBob() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        assertThat(http.delete("/api/v1/services/" + service + "/sessions/" + id(session))
                        .status())
                .isEqualTo(204);
        return session;
    }

    /** Re-opens the session, as a platform does before it names it in its answer. */
    private Reply reopenAndName(String session) {
        Response reopened = patch("/api/v1/services/" + service + "/sessions/" + id(session), "{\"status\": \"open\"}");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        return Reply.json(200, "{\"session_id\": \"" + id(session) + "\"}");
    }

    private List<Map<String, Object>> interactions() {
        Response page = http.get("/api/v1/services/" + service + "/interactions");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return JsonPath.read(page.body(), "$.items[*]['outcome','reason','session_id','type']");
    }

    private String lastAsked() {
        List<PlatformReceiver.Received> asked = platform.received(ASK);
        assertThat(asked).isNotEmpty();
        return asked.get(asked.size() - 1).text();
    }

    /** The session id and closed reason of the last request, as the platform read them. */
    private List<String> namedInLastRequest() {
        String body = lastAsked();
        return Arrays.asList(JsonPath.read(body, "$.session_id"), JsonPath.read(body, "$.closed_reason"));
    }

    @Test
    void aStrangersCallIsPostedSignedAndANoContentGetsTheFallback() {
        platform.answer(ASK, r -> Reply.status(204));

        Response call = call(STRANGER, P1);
        Response text = text(STRANGER, P2, "Who is this?");

        assertSwml(call, announcement(FALLBACK_CALL));
        assertThat(message(text)).containsExactly(STRANGER, P2, FALLBACK_TEXT);
        List<PlatformReceiver.Received> asked = platform.received(ASK);
        assertThat(asked).hasSize(2);
        assertThat(JSON.readTree(asked.get(0).text())).isEqualTo(JSON.readTree("""
                {"interaction_type": "call", "from": "%s", "proxy_number": "%s",
                 "session_id": null, "closed_reason": null}
                """.formatted(STRANGER, P1)));
        assertThat(JSON.readTree(asked.get(1).text())).isEqualTo(JSON.readTree("""
                {"interaction_type": "message", "from": "%s", "proxy_number": "%s",
                 "session_id": null, "closed_reason": null}
                """.formatted(STRANGER, P2)));
        long now = clock.instant().getEpochSecond();
        for (PlatformReceiver.Received request : asked) {
            assertThat(CallbackVerifier.verified(request.signature(), request.body(), secret, now))
                    .as("signature %s", request.signature())
                    .isTrue();
        }
        await().untilAsserted(() ->
                assertThat(interactions()).extracting(i -> i.get("outcome")).containsOnly("refused"));
    }

    @Test
    void aSessionIdPutsTheCallThroughTheSessionThePlatformReopened() {
        String session = closedSessionOfAliceAndBob();
        platform.answer(ASK, r -> reopenAndName(session));

        Response call = call(ALICE, P1);

        assertSwml(call, plainConnect(P2, BOB));
        assertThat(namedInLastRequest()).containsExactly(id(session), "api");
        await().untilAsserted(() -> assertThat(interactions())
                .extracting(i -> i.get("outcome"), i -> i.get("session_id"))
                .containsExactly(tuple("connected", id(session))));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(JsonPath.<String>read(getSession(service, id(session)), "$.status"))
                        .isEqualTo("in-progress"));
    }

    @Test
    void aSessionIdPutsTheTextThroughTheSessionThePlatformReopened() {
        String session = closedSessionOfAliceAndBob();
        platform.answer(ASK, r -> reopenAndName(session));

        Response text = text(BOB, P2, "I am at the door");

        assertThat(message(text)).containsExactly(ALICE, P1, "I am at the door");
        await().untilAsserted(() -> assertThat(interactions())
                .extracting(i -> i.get("outcome"), i -> i.get("session_id"))
                .containsExactly(tuple("connected", id(session))));
    }

    @Test
    void aSessionIdThatDoesNotCarryTheCallerGetsTheFallback(CapturedOutput output) {
        String closed = closedSessionOfAliceAndBob();
        String others = sessionWithProxies(service, CAROL, P1, DAVE, P2);
        List<String> answers = new ArrayList<>(List.of(
                "{\"session_id\": \"" + id(closed) + "\"}", // still closed
                "{\"session_id\": \"" + id(others) + "\"}", // open, but not Alice's
                "{\"session_id\": \"ses_not-an-id\", \"announce\": \"Not this.\"}",
                "{\"session_id\": 42}"));
        platform.answer(ASK, r -> Reply.json(200, answers.remove(0)));

        for (int i = 0; i < 4; i++) {
            assertSwml(call(ALICE, P1), announcement(FALLBACK_CALL));
        }

        assertThat(platform.received(ASK)).hasSize(4);
        assertThat(output.getOut()).contains("named session " + id(others)).doesNotContain(ALICE, "oos-token-1");
    }

    @Test
    void anAnnounceIsSaidAndTheCallHangsUp() {
        platform.answer(ASK, r -> Reply.json(200, "{\"announce\": \"Your order was delivered.\", \"extra\": [1]}"));

        Response swml = call(STRANGER, P1);
        Response laml = formCall(STRANGER, P1);

        assertSwml(swml, announcement("Your order was delivered."));
        assertThat(children(laml.body(), "/Response")).containsExactly("Say", "Hangup");
        assertThat(xpath(laml.body(), "/Response/Say")).isEqualTo("Your order was delivered.");
        await().untilAsserted(() -> assertThat(interactions())
                .extracting(i -> i.get("outcome"), i -> i.get("reason"))
                .containsOnly(tuple("refused", "no-route")));
    }

    @Test
    void aReplyIsTextedBackFromTheProxy() {
        platform.answer(ASK, r -> Reply.json(200, "{\"reply\": \"Your courier is no longer on this order.\"}"));

        assertThat(message(text(STRANGER, P3, "Hello?")))
                .containsExactly(STRANGER, P3, "Your courier is no longer on this order.");
    }

    @Test
    void anAnswerThatDoesNotFitTheContactGetsTheFallback() {
        List<String> answers = new ArrayList<>(List.of(
                "{\"reply\": \"A reply is for texts.\"}",
                "{\"announce\": \"Two\\nlines.\"}",
                "{\"announce\": \"" + "x".repeat(501) + "\"}",
                "{\"announce\": \"   \"}",
                "{}",
                "[\"announce\"]",
                "{\"announce\": 7}"));
        int count = answers.size();
        platform.answer(ASK, r -> Reply.json(200, answers.remove(0)));

        for (int i = 0; i < count; i++) {
            assertSwml(call(STRANGER, P1), announcement(FALLBACK_CALL));
        }
        platform.answer(ASK, r -> Reply.json(200, "{\"announce\": \"An announcement is for calls.\"}"));
        assertThat(message(text(STRANGER, P1, "Hi"))).containsExactly(STRANGER, P1, FALLBACK_TEXT);
    }

    @Test
    void failuresGetTheFallback(CapturedOutput output) {
        List<Reply> answers = new ArrayList<>(List.of(
                Reply.json(500, "{\"announce\": \"Server error.\"}"),
                Reply.json(302, "{\"announce\": \"Redirect.\"}"),
                Reply.json(200, "not json {"),
                Reply.after(1500, 200)));
        int count = answers.size();
        platform.answer(ASK, r -> answers.remove(0));

        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            assertSwml(call(STRANGER, P1), announcement(FALLBACK_CALL));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("answered after %d ms", millis).isLessThan(1400);
        }

        assertThat(platform.received(ASK)).hasSize(count);
        assertThat(output.getOut())
                .contains("gave no answer (answered 500)", "gave no answer (no answer within 1000 ms)")
                .doesNotContain(STRANGER, "oos-token-1", secret);
    }

    @Test
    void aFallbackForwardIsFollowedWhenThePlatformHasNoAnswer() {
        Response changed = patch("/api/v1/services/" + service, """
                {"out_of_session": {"call": {"action": "callback", "url": "%s",
                                             "fallback": {"action": "forward", "to": "%s"}}}}
                """.formatted(platform.url(ASK), SUPPORT));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        platform.answer(ASK, r -> Reply.status(204));

        assertSwml(call(STRANGER, P1), plainConnect(P1, SUPPORT));
        await().untilAsserted(() ->
                assertThat(interactions()).extracting(i -> i.get("outcome")).containsExactly("forwarded"));
    }

    @Test
    void theRequestNamesTheNewestSessionTheCallerHadOnTheNumberThatClosedWithinTheGracePeriod() {
        platform.answer(ASK, r -> Reply.status(204));
        String deleted = closedSessionOfAliceAndBob();
        clock.advance(Duration.ofMinutes(5));
        // Ends a minute later; the sweeper has not closed it when Alice calls.
        String expiring = session(
                service,
                "{\"ttl\": 60, \"participants\": [" + participant(ALICE, P1) + ", " + participant(CAROL, P3) + "]}");
        clock.advance(Duration.ofMinutes(2));

        call(ALICE, P1);
        assertThat(namedInLastRequest()).containsExactly(id(expiring), "expired");
        call(BOB, P2);
        assertThat(namedInLastRequest()).containsExactly(id(deleted), "api");
        call(BOB, P1);
        assertThat(namedInLastRequest()).as("Bob never had P1").containsExactly(null, null);
        call(STRANGER, P2);
        assertThat(namedInLastRequest()).containsExactly(null, null);

        // 64 minutes after the first closed, 58 after the second ended: the grace period is an hour.
        clock.advance(Duration.ofMinutes(57));
        call(BOB, P2);
        assertThat(namedInLastRequest()).containsExactly(null, null);
        call(ALICE, P1);
        assertThat(namedInLastRequest()).containsExactly(id(expiring), "expired");
    }

    @Test
    void aParticipantLeftAloneIsAskedAbout() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        http.delete("/api/v1/services/" + service + "/sessions/" + id(session) + "/participants/"
                + participantId(session, BOB));
        platform.answer(ASK, r -> Reply.json(200, "{\"session_id\": \"" + id(session) + "\"}"));

        assertSwml(call(ALICE, P1), announcement(FALLBACK_CALL));

        assertThat(JSON.readTree(lastAsked()).get("from").asString()).isEqualTo(ALICE);
        await().untilAsserted(() -> assertThat(interactions())
                .extracting(i -> i.get("outcome"), i -> i.get("reason"), i -> i.get("session_id"))
                .containsExactly(tuple("refused", "alone", id(session))));
    }
}
