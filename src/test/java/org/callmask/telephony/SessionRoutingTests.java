package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who reaches whom through a v1 session whose participants each have their own proxy number. */
class SessionRoutingTests extends V1RoutingTest {

    private String service;

    @BeforeEach
    void aServiceWithThreeNumbers() {
        service = plainService("deliveries");
        numbers(service, P1, P2, P3);
    }

    @Test
    void aParticipantCallingItsProxyReachesTheOtherShownFromTheOthersProxy() {
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));
    }

    @Test
    void theOtherParticipantCallingItsOwnProxyReachesTheFirstShownFromTheFirstsProxy() {
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(BOB, P2), plainConnect(P1, ALICE));
    }

    @Test
    void aTextReachesTheOtherParticipantFromTheOthersProxyBothWays() {
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertThat(message(text(ALICE, P1, "On my way"))).containsExactly(BOB, P2, "On my way");
        assertThat(message(text(BOB, P2, "Gate code is 42"))).containsExactly(ALICE, P1, "Gate code is 42");
    }

    @Test
    void aParticipantCallingTheOthersProxyInsteadOfItsOwnIsOutOfSession() {
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        Response aliceOnBobsProxy = call(ALICE, P2);
        Response bobOnAlicesProxy = call(BOB, P1);

        assertRefused(aliceOnBobsProxy);
        assertRefused(bobOnAlicesProxy);
        assertRevealsNone(aliceOnBobsProxy, BOB);
        assertRevealsNone(bobOnAlicesProxy, ALICE);
    }

    @Test
    void aParticipantTextingTheOthersProxyIsOutOfSession() {
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertDropped(text(ALICE, P2, "Hello?"));
        assertDropped(text(BOB, P1, "Hello?"));
    }

    @Test
    void participantsWhoAlreadyHoldEachOthersNumberAreGivenDifferentProxiesAndReachEachOther() {
        String twoNumbers = plainService("two-numbers");
        numbers(twoNumbers, "+15551240001", "+15551240002");
        sessionWithProxies(twoNumbers, ALICE, "+15551240001", CAROL, "+15551240001");
        sessionWithProxies(twoNumbers, BOB, "+15551240002", DAVE, "+15551240002");

        String session = session(
                twoNumbers, "{\"participants\": [{\"number\": \"" + ALICE + "\"}, {\"number\": \"" + BOB + "\"}]}");

        // The reuse rule leaves each of them only the number the other already holds.
        assertThat(proxyOf(session, ALICE)).isEqualTo("+15551240002");
        assertThat(proxyOf(session, BOB)).isEqualTo("+15551240001");
        assertSwml(call(ALICE, "+15551240002"), plainConnect("+15551240001", BOB));
        assertSwml(call(BOB, "+15551240001"), plainConnect("+15551240002", ALICE));
        assertThat(message(text(ALICE, "+15551240002", "Hi Bob"))).containsExactly(BOB, "+15551240001", "Hi Bob");
        // Each of Alice's proxies still leads to the person she has it with.
        assertSwml(call(ALICE, "+15551240001"), plainConnect("+15551240001", CAROL));
    }

    @Test
    void bothParticipantsOnOneProxyReachEachOtherThroughIt() {
        sessionWithProxies(service, ALICE, P3, BOB, P3);

        assertSwml(call(ALICE, P3), plainConnect(P3, BOB));
        assertSwml(call(BOB, P3), plainConnect(P3, ALICE));
    }

    @Test
    void aCallOnAMessageOnlySessionIsOutOfSessionWhileItsTextsGoThrough() {
        session(
                service,
                "{\"mode\": \"message-only\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}");

        assertRefused(call(ALICE, P1));
        assertRefused(call(BOB, P2));
        assertThat(message(text(ALICE, P1, "Texts only"))).containsExactly(BOB, P2, "Texts only");
    }

    @Test
    void aTextOnAVoiceOnlySessionIsOutOfSessionWhileItsCallsGoThrough() {
        session(
                service,
                "{\"mode\": \"voice-only\", \"participants\": [" + participant(ALICE, P1) + ", " + participant(BOB, P2)
                        + "]}");

        assertDropped(text(ALICE, P1, "Can you hear me?"));
        assertDropped(text(BOB, P2, "Can you hear me?"));
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));
    }

    @Test
    void aRefusedModeGetsTheServicesOutOfSessionPolicyNotTheBuiltInRefusal() {
        String strict = service("""
                {"unique_name": "strict",
                 "out_of_session": {"call": {"action": "announce", "message": "Please send a text instead."},
                                    "message": {"action": "reply", "text": "Please call instead."}}}
                """);
        numbers(strict, "+15551250001", "+15551250002", "+15551250003", "+15551250004");
        session(
                strict,
                "{\"mode\": \"message-only\", \"participants\": [" + participant(ALICE, "+15551250001") + ", "
                        + participant(BOB, "+15551250002") + "]}");
        session(
                strict,
                "{\"mode\": \"voice-only\", \"participants\": [" + participant(CAROL, "+15551250003") + ", "
                        + participant(DAVE, "+15551250004") + "]}");

        Response call = call(ALICE, "+15551250001");
        Response text = text(CAROL, "+15551250003", "Hi");

        assertSwml(call, announcement("Please send a text instead."));
        assertThat(message(text)).containsExactly(CAROL, "+15551250003", "Please call instead.");
        assertRevealsNone(call, BOB);
        assertRevealsNone(text, DAVE);
    }

    @Test
    void changingTheModeTakesEffectOnTheNextCall() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));

        Response changed =
                patch("/api/v1/services/" + service + "/sessions/" + id(session), "{\"mode\": \"message-only\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertRefused(call(ALICE, P1));
        assertThat(message(text(ALICE, P1, "ok"))).containsExactly(BOB, P2, "ok");
    }

    @Test
    void aParticipantLeftAloneIsOutOfSessionAndReachesTheReplacementOnceAdded() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        String participants = "/api/v1/services/" + service + "/sessions/" + id(session) + "/participants";

        assertThat(http.delete(participants + "/" + participantId(session, BOB)).status())
                .isEqualTo(204);

        Response alone = call(ALICE, P1);
        assertRefused(alone);
        assertRevealsNone(alone, BOB);
        assertDropped(text(ALICE, P1, "Anyone there?"));
        // The removed participant's proxy no longer leads anywhere either.
        assertRefused(call(BOB, P2));

        Response added = http.postJson(participants, participant(DAVE, P3));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        assertSwml(call(ALICE, P1), plainConnect(P3, DAVE));
        assertSwml(call(DAVE, P3), plainConnect(P1, ALICE));
        assertThat(message(text(ALICE, P1, "Welcome"))).containsExactly(DAVE, P3, "Welcome");
        assertRefused(call(BOB, P2));
    }

    @Test
    void aClosedSessionNoLongerRoutes() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertThat(http.delete("/api/v1/services/" + service + "/sessions/" + id(session))
                        .status())
                .isEqualTo(204);

        assertRefused(call(ALICE, P1));
        assertDropped(text(BOB, P2, "Still there?"));
    }

    @Test
    void aReopenedSessionRoutesAgainThroughTheSameProxies() {
        String session = sessionWithProxies(service, ALICE, P1, BOB, P2);
        String path = "/api/v1/services/" + service + "/sessions/" + id(session);
        assertThat(http.delete(path).status()).isEqualTo(204);
        assertRefused(call(ALICE, P1));

        Response reopened = patch(path, "{\"status\": \"open\"}");

        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(proxyOf(reopened.body(), ALICE)).isEqualTo(P1);
        assertThat(proxyOf(reopened.body(), BOB)).isEqualTo(P2);
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));
        assertThat(message(text(BOB, P2, "Back"))).containsExactly(ALICE, P1, "Back");
    }
}
