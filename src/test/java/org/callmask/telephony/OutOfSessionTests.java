package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.SwmlAnswer;
import org.junit.jupiter.api.Test;

/**
 * What a call or text gets when no session carries it: each service's own out-of-session policy,
 * and a plain refusal for a number no service owns.
 */
class OutOfSessionTests extends V1RoutingTest {

    @Test
    void byDefaultAStrangersCallHearsTheConfiguredRefusal() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertRefused(call(STRANGER, P1));
        Golden.assertMatches("voice-refusal.xml", formCall(STRANGER, P1).body());
    }

    @Test
    void byDefaultAStrangersTextGetsAnEmptyResponse() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertDropped(text(STRANGER, P1, "Who is this?"));
    }

    @Test
    void announceWithAMessageSaysItAndHangsUp() {
        String service = service("""
                {"unique_name": "announcing",
                 "out_of_session": {"call": {"action": "announce", "message": "This delivery has ended."}}}
                """);
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(STRANGER, P1), announcement("This delivery has ended."));
    }

    @Test
    void announceWithAMessageIsSaidOnALamlVoiceHandlerToo() {
        String service = service("""
                {"unique_name": "announcing",
                 "out_of_session": {"call": {"action": "announce", "message": "This delivery has ended."}}}
                """);
        numbers(service, P1);

        String answer = formCall(STRANGER, P1).body();

        assertThat(children(answer, "/Response")).containsExactly("Say", "Hangup");
        assertThat(xpath(answer, "/Response/Say")).isEqualTo("This delivery has ended.");
    }

    @Test
    void announceWithoutAMessageSaysTheConfiguredRefusal() {
        String service = service("""
                {"unique_name": "announcing", "out_of_session": {"call": {"action": "announce"}}}
                """);
        numbers(service, P1);

        assertRefused(call(STRANGER, P1));
    }

    @Test
    void forwardConnectsTheCallerToTheForwardingNumberShowingTheDialledProxyWithoutTheWhisper() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}},
                 "voice": {"whisper": "Call from your courier", "ring_timeout": 20}}
                """.formatted(SUPPORT));
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        Response onP1 = call(STRANGER, P1);
        Response onP2 = call(STRANGER, P2);

        assertSwml(onP1, """
                {"version": "1.0.0", "sections": {"main": [
                  {"connect": {"from": "%s", "to": "%s", "timeout": 20, "max_duration": 14400,
                               "answer_on_bridge": true}}]}}
                """.formatted(P1, SUPPORT));
        assertThat(onP1.body()).doesNotContain("confirm", "courier");
        assertThat(SwmlAnswer.connectsTo(onP2.body())).containsExactly(SUPPORT);
        assertThat(JsonPath.<List<String>>read(onP2.body(), "$.sections.main[*].connect.from"))
                .containsExactly(P2);
    }

    @Test
    void forwardOnALamlVoiceHandlerDialsTheForwardingNumberFromTheDialledProxy() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(service, P1);

        String answer = formCall(STRANGER, P1).body();

        assertThat(xpath(answer, "/Response/Dial/@callerId")).isEqualTo(P1);
        assertThat(xpath(answer, "/Response/Dial/Number")).isEqualTo(SUPPORT);
    }

    @Test
    void theForwardingNumberCallingAProxyIsNotForwardedToItself() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(service, P1);

        assertRefused(call(SUPPORT, P1));
    }

    @Test
    void aCallComingFromAProxyNumberIsNeverForwardedAgain() {
        // Services forwarding to each other's numbers in a ring: every leg forwarded into a pool
        // arrives from a proxy number, so refusing those ends the ring at its first turn.
        String first = service("""
                {"unique_name": "first", "out_of_session": {"call": {"action": "forward", "to": "+15551270001"}}}
                """);
        String second = service("""
                {"unique_name": "second", "out_of_session": {"call": {"action": "forward", "to": "+15551280001"}}}
                """);
        String third = service("""
                {"unique_name": "third", "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(P1));
        numbers(first, P1);
        numbers(second, "+15551270001");
        numbers(third, "+15551280001");

        assertSwml(call(STRANGER, P1), plainConnect(P1, "+15551270001"));
        assertRefused(call(P1, "+15551270001"));
        assertRefused(call("+15551270001", "+15551280001"));
        assertRefused(call("+15551280001", P1));
        Golden.assertMatches("voice-refusal.xml", formCall(P1, "+15551270001").body());
    }

    @Test
    void forwardAppliesToTextsNothing() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(service, P1);

        assertDropped(text(STRANGER, P1, "Hello"));
    }

    @Test
    void replyTextsTheSenderBackFromTheProxy() {
        String service = service("""
                {"unique_name": "replying",
                 "out_of_session": {"message": {"action": "reply", "text": "This number is no longer in use."}}}
                """);
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertThat(message(text(STRANGER, P2, "Hi"))).containsExactly(STRANGER, P2, "This number is no longer in use.");
    }

    @Test
    void replyIsForTextsOnly() {
        String service = service("""
                {"unique_name": "replying",
                 "out_of_session": {"message": {"action": "reply", "text": "This number is no longer in use."}}}
                """);
        numbers(service, P1);

        assertRefused(call(STRANGER, P1));
    }

    @Test
    void dropReceivesTheTextAndSendsNothing() {
        String service = service("""
                {"unique_name": "dropping",
                 "out_of_session": {"call": {"action": "announce", "message": "Goodbye."},
                                    "message": {"action": "drop"}}}
                """);
        numbers(service, P1);

        assertDropped(text(STRANGER, P1, "Hi"));
    }

    @Test
    void eachServiceAnswersWithItsOwnPolicy() {
        String announcing = service("""
                {"unique_name": "announcing",
                 "out_of_session": {"call": {"action": "announce", "message": "Announcing service."},
                                    "message": {"action": "reply", "text": "Announcing reply."}}}
                """);
        String forwarding = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(announcing, P1);
        numbers(forwarding, P2);

        assertSwml(call(STRANGER, P1), announcement("Announcing service."));
        assertSwml(call(STRANGER, P2), plainConnect(P2, SUPPORT));
        assertThat(message(text(STRANGER, P1, "?"))).containsExactly(STRANGER, P1, "Announcing reply.");
        assertDropped(text(STRANGER, P2, "?"));
    }

    @Test
    void aNumberInNoPoolGetsThePlainRefusalWhateverTheServicesSay() {
        String service = service("""
                {"unique_name": "everything",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"},
                                    "message": {"action": "reply", "text": "Reply."}}}
                """.formatted(SUPPORT));
        numbers(service, P1);
        String unknown = "+15550000000";

        assertRefused(call(STRANGER, unknown));
        assertRefused(call(ALICE, unknown));
        Golden.assertMatches("voice-refusal.xml", formCall(STRANGER, unknown).body());
        assertDropped(text(STRANGER, unknown, "Hi"));
    }

    @Test
    void aNumberRemovedFromItsPoolGetsThePlainRefusal() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(service, P1, P2);

        assertThat(http.delete("/api/v1/services/" + service + "/numbers/" + P2).status())
                .isEqualTo(204);

        assertRefused(call(STRANGER, P2));
        assertSwml(call(STRANGER, P1), plainConnect(P1, SUPPORT));
    }

    @Test
    void aParticipantLeftAloneGetsTheServicesPolicy() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"},
                                    "message": {"action": "reply", "text": "Your courier has left."}}}
                """.formatted(SUPPORT));
        numbers(service, P1, P2);
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        http.delete("/api/v1/services/" + service + "/sessions/" + id(session) + "/participants/"
                + participantId(session, BOB));

        assertSwml(call(ALICE, P1), plainConnect(P1, SUPPORT));
        assertThat(message(text(ALICE, P1, "Hello?"))).containsExactly(ALICE, P1, "Your courier has left.");
    }

    @Test
    void aParticipantOfAClosedSessionGetsTheServicesPolicy() {
        String service = service("""
                {"unique_name": "announcing",
                 "out_of_session": {"call": {"action": "announce", "message": "This delivery has ended."},
                                    "message": {"action": "reply", "text": "This delivery has ended."}}}
                """);
        numbers(service, P1, P2);
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        http.delete("/api/v1/services/" + service + "/sessions/" + id(session));

        Response call = call(ALICE, P1);
        Response text = text(BOB, P2, "Are you there?");

        assertSwml(call, announcement("This delivery has ended."));
        assertThat(message(text)).containsExactly(BOB, P2, "This delivery has ended.");
        assertRevealsNone(call, BOB);
        assertRevealsNone(text, ALICE);
    }

    @Test
    void aPolicyChangeTakesEffectOnTheNextCall() {
        String service = plainService("changing");
        numbers(service, P1);
        assertRefused(call(STRANGER, P1));

        Response changed = patch(
                "/api/v1/services/" + service,
                "{\"out_of_session\": {\"call\": {\"action\": \"announce\", \"message\": \"Changed.\"}}}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertSwml(call(STRANGER, P1), announcement("Changed."));
    }
}
