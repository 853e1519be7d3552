package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/** Calls to numbers whose voice handler is LaML (cXML): a form in, a LaML document out. */
class LamlVoiceTests extends V1RoutingTest {

    private String plainServiceWithSession() {
        String service = plainService("laml");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);
        return service;
    }

    @Test
    void aParticipantsCallIsDialledToTheOtherShowingTheOthersProxy() {
        plainServiceWithSession();

        Response answer = formCall(ALICE, P1);

        assertThat(answer.contentType()).startsWith("application/xml");
        String xml = answer.body();
        assertThat(children(xml, "/Response")).containsExactly("Dial");
        assertThat(children(xml, "/Response/Dial")).containsExactly("Number");
        assertThat(xpath(xml, "/Response/Dial/@callerId")).isEqualTo(P2);
        assertThat(xpath(xml, "/Response/Dial/@timeout")).isEqualTo("30");
        assertThat(xpath(xml, "/Response/Dial/@timeLimit")).isEqualTo("14400");
        assertThat(xpath(xml, "/Response/Dial/@answerOnBridge")).isEqualTo("true");
        assertThat(count(xml, "/Response/Dial/@record")).isZero();
        assertThat(xpath(xml, "/Response/Dial/Number")).isEqualTo(BOB);
    }

    @Test
    void theOtherParticipantsCallIsDialledBackShowingTheFirstsProxy() {
        plainServiceWithSession();

        String xml = formCall(BOB, P2).body();

        assertThat(xpath(xml, "/Response/Dial/@callerId")).isEqualTo(P1);
        assertThat(xpath(xml, "/Response/Dial/Number")).isEqualTo(ALICE);
    }

    @Test
    void recordingAndTheSessionsTimingsBecomeDialAttributes() {
        String service = service("""
                {"unique_name": "laml", "voice": {"record": true, "ring_timeout": 25, "max_duration": 3600}}
                """);
        numbers(service, P1, P2);
        session(
                service,
                "{\"voice\": {\"ring_timeout\": 12, \"answer_on_bridge\": false}, \"participants\": ["
                        + participant(ALICE, P1) + ", " + participant(BOB, P2) + "]}");

        String xml = formCall(ALICE, P1).body();

        assertThat(xpath(xml, "/Response/Dial/@callerId")).isEqualTo(P2);
        assertThat(xpath(xml, "/Response/Dial/@timeout")).isEqualTo("12");
        assertThat(xpath(xml, "/Response/Dial/@timeLimit")).isEqualTo("3600");
        assertThat(xpath(xml, "/Response/Dial/@answerOnBridge")).isEqualTo("false");
        assertThat(xpath(xml, "/Response/Dial/@record")).isEqualTo("record-from-answer-dual");
        assertThat(xpath(xml, "/Response/Dial/Number")).isEqualTo(BOB);
    }

    @Test
    void aStrangersFormCallHearsTheRefusalAndReachesNoParticipant() {
        plainServiceWithSession();

        Response answer = formCall(STRANGER, P1);

        Golden.assertMatches("voice-refusal.xml", answer.body());
        assertThat(children(answer.body(), "/Response")).containsExactly("Say", "Hangup");
        assertThat(xpath(answer.body(), "/Response/Say")).isEqualTo(REFUSAL);
        assertThat(count(answer.body(), "//Dial | //Number")).isZero();
        assertRevealsNone(answer, ALICE, BOB);
    }

    @Test
    void aParticipantFormCallingTheOthersProxyHearsTheRefusal() {
        plainServiceWithSession();

        Response answer = formCall(ALICE, P2);

        Golden.assertMatches("voice-refusal.xml", answer.body());
        assertRevealsNone(answer, BOB);
    }

    @Test
    void aFormCallOnAMessageOnlySessionHearsTheRefusal() {
        String service = plainService("laml");
        numbers(service, P1, P2);
        session(
                service,
                "{\"mode\": \"message-only\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}");

        Response answer = formCall(ALICE, P1);

        Golden.assertMatches("voice-refusal.xml", answer.body());
        assertRevealsNone(answer, BOB);
    }

    @Test
    void theServicesAnnouncementIsSaidToAStrangerOnAFormCall() {
        String service = service("""
                {"unique_name": "laml",
                 "out_of_session": {"call": {"action": "announce", "message": "Order 12 <closed> & done."}}}
                """);
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        Response answer = formCall(STRANGER, P1);

        assertThat(children(answer.body(), "/Response")).containsExactly("Say", "Hangup");
        assertThat(xpath(answer.body(), "/Response/Say")).isEqualTo("Order 12 <closed> & done.");
        assertRevealsNone(answer, ALICE, BOB);
    }

    @Test
    void aFormCallWithoutCallerOrProxyHearsTheRefusal() {
        plainServiceWithSession();

        Golden.assertMatches(
                "voice-refusal.xml",
                http.postForm("/calls/route", fields("CallSid", "CA1", "To", P1))
                        .body());
        Golden.assertMatches(
                "voice-refusal.xml",
                http.postForm("/calls/route", fields("CallSid", "CA1", "From", ALICE))
                        .body());
    }
}
