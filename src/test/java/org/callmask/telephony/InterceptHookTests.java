package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callmask.support.CallbackVerifier;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.PlatformReceiver;
import org.callmask.support.PlatformReceiver.Reply;
import org.callmask.support.SwmlAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intercept hook: asked, signed, before a session puts a call or text through; 403 keeps the
 * contact out (the caller gets the service's out-of-session treatment, on record as blocked), any
 * 2xx lets it through, and no verdict is settled by the service's {@code intercept_on_failure}.
 */
@TestPropertySource(properties = "callmask.intercept.timeout=300ms")
@ExtendWith(OutputCaptureExtension.class)
class InterceptHookTests extends V1RoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOOK = "/intercept";
    /** Longer than the intercept timeout the tests run with, shorter than any default. */
    private static final long SLOW = 1500;

    private PlatformReceiver platform;
    private String secret;

    @BeforeEach
    void startThePlatform() {
        platform = PlatformReceiver.start();
    }

    @AfterEach
    void stopThePlatform() {
        try {
            platform.close();
        } catch (IllegalStateException alreadyStopped) {
            // A test stopped it itself.
        }
    }

    /** A service with the hook, Alice on P1 and Bob on P2 in a session of it; returns the session. */
    private String sessionOfAServiceWithTheHook(String onFailure, String outOfSession) {
        Response created =
                http.postJson("/api/v1/services", """
                {"unique_name": "intercepted", "intercept_url": "%s?token=hook-token-1",
                 "intercept_on_failure": "%s", "out_of_session": %s}
                """.formatted(platform.url(HOOK), onFailure, outOfSession));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        secret = JsonPath.read(created.body(), "$.callback_secret");
        String service = id(created.body());
        numbers(service, P1, P2);
        return sessionWithProxies(service, ALICE, P1, BOB, P2);
    }

    private String sessionOfAServiceWithTheHook(String onFailure) {
        return sessionOfAServiceWithTheHook(onFailure, """
                {"call": {"action": "announce", "message": "This delivery has ended."},
                 "message": {"action": "reply", "text": "This conversation has ended."}}
                """);
    }

    private static String serviceOf(String session) {
        return JsonPath.read(session, "$.service_id");
    }

    /** The service's interactions, newest or oldest first alike: each as outcome, reason, session. */
    private List<Map<String, Object>> interactions(String session) {
        Response page = http.get("/api/v1/services/" + serviceOf(session) + "/interactions");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return JsonPath.read(page.body(), "$.items[*]['outcome','reason','session_id','type']");
    }

    private static Map<String, Object> interaction(String outcome, String reason, String session, String type) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("outcome", outcome);
        expected.put("reason", reason);
        expected.put("session_id", session);
        expected.put("type", type);
        return expected;
    }

    @Test
    void aTwoHundredLetsTheContactThroughAfterASignedRequestNamingSessionAndParticipants() {
        platform.answer(HOOK, r -> Reply.status(200));
        String session = sessionOfAServiceWithTheHook("deny");

        Response call = call(ALICE, P1);
        Response text = text(BOB, P2, "On my way");

        assertSwml(call, plainConnect(P2, BOB));
        assertThat(message(text)).containsExactly(ALICE, P1, "On my way");
        List<PlatformReceiver.Received> asked = platform.received(HOOK);
        assertThat(asked).hasSize(2);
        assertThat(JSON.readTree(asked.get(0).text())).isEqualTo(JSON.readTree("""
                {"session_id": "%s", "interaction_type": "call",
                 "from_participant_id": "%s", "to_participant_id": "%s"}
                """.formatted(
                        id(session), participantId(session, ALICE), participantId(session, BOB))));
        assertThat(JSON.readTree(asked.get(1).text())).isEqualTo(JSON.readTree("""
                {"session_id": "%s", "interaction_type": "message",
                 "from_participant_id": "%s", "to_participant_id": "%s"}
                """.formatted(
                        id(session), participantId(session, BOB), participantId(session, ALICE))));
        long now = clock.instant().getEpochSecond();
        for (PlatformReceiver.Received request : asked) {
            assertThat(CallbackVerifier.verified(request.signature(), request.body(), secret, now))
                    .as("signature %s", request.signature())
                    .isTrue();
            assertThat(request.text()).doesNotContain(ALICE, BOB, P1, P2);
        }
        await().untilAsserted(() -> assertThat(interactions(session))
                .containsExactlyInAnyOrder(
                        interaction("connected", null, id(session), "call"),
                        interaction("connected", null, id(session), "message")));
    }

    @Test
    void aForbiddenGivesTheOutOfSessionTreatmentOnRecordAsBlockedAndLeavesTheSessionUntouched(CapturedOutput output) {
        String session = sessionOfAServiceWithTheHook("allow");
        // Carol and Dave share the service and its numbers; the hook lets only them through.
        String other = session(
                serviceOf(session),
                "{\"participants\": [" + participant(CAROL, P1) + ", " + participant(DAVE, P2) + "]}");
        String alice = participantId(session, ALICE);
        String bob = participantId(session, BOB);
        platform.answer(
                HOOK, r -> r.text().contains(alice) || r.text().contains(bob) ? Reply.status(403) : Reply.status(204));

        Response call = call(ALICE, P1);
        Response lamlCall = formCall(ALICE, P1);
        Response text = text(BOB, P2, "Let me in");

        assertSwml(call, announcement("This delivery has ended."));
        assertThat(xpath(lamlCall.body(), "/Response/Say")).isEqualTo("This delivery has ended.");
        assertThat(message(text)).containsExactly(BOB, P2, "This conversation has ended.");
        assertRevealsNone(call, BOB);
        assertRevealsNone(text, ALICE);
        await().untilAsserted(() -> assertThat(interactions(session))
                .containsExactlyInAnyOrder(
                        interaction("blocked", "blocked", id(session), "call"),
                        interaction("blocked", "blocked", id(session), "call"),
                        interaction("blocked", "blocked", id(session), "message")));

        // A contact let through is marked; once its mark is written, the blocked ones' would be too.
        assertSwml(call(CAROL, P1), plainConnect(P2, DAVE));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                JsonPath.<String>read(getSession(serviceOf(other), id(other)), "$.status"))
                        .isEqualTo("in-progress"));
        String blocked = getSession(serviceOf(session), id(session));
        assertThat(JsonPath.<String>read(blocked, "$.status")).isEqualTo("open");
        assertThat(JsonPath.<String>read(blocked, "$.last_interaction_at")).isNull();

        assertThat(output.getOut())
                .contains("blocked a call in session " + id(session))
                .doesNotContain(ALICE, BOB, "hook-token-1", secret);
    }

    @Test
    void aBlockedCallGetsTheForwardOfTheServiceAndStaysOnRecordAsBlocked() {
        platform.answer(HOOK, r -> Reply.status(403));
        String session = sessionOfAServiceWithTheHook(
                "allow", "{\"call\": {\"action\": \"forward\", \"to\": \"%s\"}}".formatted(SUPPORT));

        assertSwml(call(ALICE, P1), plainConnect(P1, SUPPORT));
        await().untilAsserted(() -> assertThat(interactions(session))
                .containsExactly(interaction("blocked", "blocked", id(session), "call")));
    }

    @Test
    void aTimeoutWithAllowLetsTheContactThroughWithoutWaitingForTheHook() {
        platform.answer(HOOK, r -> Reply.after(SLOW, 403));
        String session = sessionOfAServiceWithTheHook("allow");

        long started = System.nanoTime();
        Response call = call(ALICE, P1);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertSwml(call, plainConnect(P2, BOB));
        assertThat(millis).as("answered after %d ms", millis).isLessThan(SLOW - 300);
        assertThat(platform.received(HOOK)).hasSize(1);
        await().untilAsserted(() ->
                assertThat(interactions(session)).containsExactly(interaction("connected", null, id(session), "call")));
    }

    @Test
    void aTimeoutWithDenyBlocksTheContact(CapturedOutput output) {
        platform.answer(HOOK, r -> Reply.after(SLOW, 200));
        String session = sessionOfAServiceWithTheHook("deny");

        long started = System.nanoTime();
        Response call = call(ALICE, P1);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Response text = text(ALICE, P1, "Hello?");

        assertSwml(call, announcement("This delivery has ended."));
        assertThat(millis).as("answered after %d ms", millis).isLessThan(SLOW - 300);
        assertThat(message(text)).containsExactly(ALICE, P1, "This conversation has ended.");
        await().untilAsserted(() -> assertThat(interactions(session))
                .containsExactlyInAnyOrder(
                        interaction("blocked", "intercept-failed", id(session), "call"),
                        interaction("blocked", "intercept-failed", id(session), "message")));
        assertThat(output.getOut())
                .contains("no verdict on a call in session " + id(session))
                .doesNotContain(ALICE, BOB, "hook-token-1", secret);
    }

    @Test
    void aServerErrorIsNoVerdict() {
        platform.answer(HOOK, r -> Reply.status(503));
        String denying = sessionOfAServiceWithTheHook("deny");

        assertSwml(call(ALICE, P1), announcement("This delivery has ended."));
        await().untilAsserted(() -> assertThat(interactions(denying))
                .containsExactly(interaction("blocked", "intercept-failed", id(denying), "call")));

        Response allowing = patch("/api/v1/services/" + serviceOf(denying), "{\"intercept_on_failure\": \"allow\"}");
        assertThat(allowing.status()).as(allowing.body()).isEqualTo(200);
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));
    }

    @Test
    void statusesOtherThanTwoHundredsAndForbiddenAreNoVerdictEither() {
        String session = sessionOfAServiceWithTheHook("deny");

        for (int status : new int[] {302, 401, 404, 429}) {
            platform.answer(HOOK, r -> Reply.status(status));
            assertSwml(call(ALICE, P1), announcement("This delivery has ended."));
        }

        await().untilAsserted(() -> assertThat(interactions(session))
                .hasSize(4)
                .allSatisfy(i -> assertThat(i).containsEntry("reason", "intercept-failed")));
    }

    @Test
    void anUnreachableHookIsNoVerdict() {
        String session = sessionOfAServiceWithTheHook("deny");
        platform.close();

        assertSwml(call(ALICE, P1), announcement("This delivery has ended."));
        assertThat(formCall(ALICE, P1).body()).contains("This delivery has ended.");
        await().untilAsserted(() -> assertThat(interactions(session)).hasSize(2));
    }

    @Test
    void contactsNoSessionCarriesAreNotAsked() {
        platform.answer(HOOK, r -> Reply.status(200));
        sessionOfAServiceWithTheHook("allow");

        assertSwml(call(STRANGER, P1), announcement("This delivery has ended."));
        assertThat(message(text(STRANGER, P2, "Hi"))).containsExactly(STRANGER, P2, "This conversation has ended.");

        assertThat(platform.received()).isEmpty();
    }

    @Test
    void noContentLetsTheContactThroughToo() {
        platform.answer(HOOK, r -> Reply.status(204));
        sessionOfAServiceWithTheHook("deny");

        Response call = call(ALICE, P1);

        assertThat(SwmlAnswer.connectsTo(call.body())).containsExactly(BOB);
        assertThat(platform.received(HOOK)).hasSize(1);
    }
}
