package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/**
 * How a routed call is put through: the service's voice options, a session's overrides of them,
 * and the SWML each combination becomes. {@link #call} checks every answer against SignalWire's
 * schema.
 */
class VoiceOptionsTests extends V1RoutingTest {

    private static final String RECORD_CALL =
            "{\"record_call\": {\"format\": \"mp3\", \"stereo\": true, \"direction\": \"both\"}}";

    /** A service with these voice options (a JSON object) and a session between Alice and Bob in it. */
    private String serviceWithVoice(String voice) {
        String service = service("{\"unique_name\": \"voice\", \"voice\": " + voice + "}");
        numbers(service, P1, P2);
        return service;
    }

    private void sessionWithVoice(String service, String voice) {
        session(
                service,
                "{\"voice\": " + voice + ", \"participants\": [" + participant(ALICE, P1) + ", " + participant(BOB, P2)
                        + "]}");
    }

    private static String swml(String... steps) {
        return "{\"version\": \"1.0.0\", \"sections\": {\"main\": [" + String.join(", ", steps) + "]}}";
    }

    private static String connect(String from, String to, int timeout, int maxDuration, boolean answerOnBridge) {
        return connect(from, to, timeout, maxDuration, answerOnBridge, null);
    }

    private static String connect(
            String from, String to, int timeout, int maxDuration, boolean answerOnBridge, String whisper) {
        String confirm = whisper == null ? "" : ", \"confirm\": [{\"play\": {\"url\": \"say:" + whisper + "\"}}]";
        return "{\"connect\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"timeout\": " + timeout
                + ", \"max_duration\": " + maxDuration + ", \"answer_on_bridge\": " + answerOnBridge + confirm + "}}";
    }

    @Test
    void withoutOptionsTheCallRingsThirtySecondsLastsUpToFourHoursAndIsAnsweredOnBridge() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true)));
    }

    @Test
    void recordAddsARecordCallStepBeforeTheConnect() {
        String service = serviceWithVoice("{\"record\": true}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(RECORD_CALL, connect(P2, BOB, 30, 14_400, true)));
    }

    @Test
    void ringTimeoutBecomesTheConnectTimeout() {
        String service = serviceWithVoice("{\"ring_timeout\": 45}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 45, 14_400, true)));
    }

    @Test
    void maxDurationBecomesTheConnectMaxDuration() {
        String service = serviceWithVoice("{\"max_duration\": 900}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 900, true)));
    }

    @Test
    void whisperIsPlayedToTheCalleeBeforeTheCallIsBridged() {
        String service = serviceWithVoice("{\"whisper\": \"Call from your courier\"}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true, "Call from your courier")));
    }

    @Test
    void answerOnBridgeCanBeTurnedOff() {
        String service = serviceWithVoice("{\"answer_on_bridge\": false}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, false)));
    }

    @Test
    void everyServiceOptionTogetherAppliesInBothDirections() {
        String service = serviceWithVoice("""
                {"record": true, "ring_timeout": 15, "max_duration": 1800,
                 "whisper": "Call about order 1234", "answer_on_bridge": false}
                """);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(RECORD_CALL, connect(P2, BOB, 15, 1800, false, "Call about order 1234")));
        assertSwml(call(BOB, P2), swml(RECORD_CALL, connect(P1, ALICE, 15, 1800, false, "Call about order 1234")));
    }

    @Test
    void theShortestAndLongestAllowedValuesAreValidSwml() {
        String shortest = serviceWithVoice("{\"ring_timeout\": 5, \"max_duration\": 1}");
        sessionWithProxies(shortest, ALICE, P1, BOB, P2);
        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 5, 1, true)));

        Response changed = patch("/api/v1/services/" + shortest, "{\"voice\": {\"ring_timeout\": 600}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 600, 1, true)));
    }

    @Test
    void aWhisperWithQuotesAndPunctuationStaysOneValidSayUrl() {
        String whisper = "It's \\\"Bob\\\" & co: order #12/34, 50% paid";
        String service = serviceWithVoice("{\"whisper\": \"" + whisper + "\"}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true, whisper)));
    }

    @Test
    void aSessionsOverridesReplaceTheServicesOptionsOneByOne() {
        String service = serviceWithVoice("""
                {"record": true, "ring_timeout": 20, "max_duration": 600, "whisper": "Service whisper"}
                """);
        sessionWithVoice(service, "{\"record\": false, \"ring_timeout\": 60, \"answer_on_bridge\": false}");

        // max_duration and whisper are not overridden, so they stay the service's.
        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 60, 600, false, "Service whisper")));
    }

    @Test
    void aSessionCanTurnRecordingOnWhenItsServiceDoesNot() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithVoice(service, "{\"record\": true, \"max_duration\": 300}");

        assertSwml(call(BOB, P2), swml(RECORD_CALL, connect(P1, ALICE, 30, 300, true)));
    }

    @Test
    void anEmptyWhisperOnTheSessionTurnsTheServicesWhisperOff() {
        String service = serviceWithVoice("{\"whisper\": \"Service whisper\"}");
        sessionWithVoice(service, "{\"whisper\": \"\"}");

        Response answer = call(ALICE, P1);

        assertSwml(answer, swml(connect(P2, BOB, 30, 14_400, true)));
        assertThat(answer.body()).doesNotContain("confirm", "Service whisper");
    }

    @Test
    void aSessionsWhisperReplacesTheServices() {
        String service = serviceWithVoice("{\"whisper\": \"Service whisper\"}");
        sessionWithVoice(service, "{\"whisper\": \"Session whisper\"}");

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true, "Session whisper")));
    }

    @Test
    void aSessionCanWhisperWhenItsServiceDoesNot() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithVoice(service, "{\"whisper\": \"Session whisper\"}");

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true, "Session whisper")));
    }

    @Test
    void anEmptyWhisperOnASessionWhoseServiceHasNoneChangesNothing() {
        String service = plainService("plain");
        numbers(service, P1, P2);
        sessionWithVoice(service, "{\"whisper\": \"\"}");

        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true)));
    }

    @Test
    void sessionsFollowALaterChangeOfTheirServicesOptionsWhereTheyOverrideNothing() {
        String service = serviceWithVoice("{\"ring_timeout\": 20}");
        sessionWithVoice(service, "{\"max_duration\": 120}");

        Response changed = patch(
                "/api/v1/services/" + service,
                "{\"voice\": {\"record\": true, \"ring_timeout\": 25, \"max_duration\": 3600}}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertSwml(call(ALICE, P1), swml(RECORD_CALL, connect(P2, BOB, 25, 120, true)));
    }

    @Test
    void aServiceWhisperRemovedLaterIsNoLongerPlayed() {
        String service = serviceWithVoice("{\"whisper\": \"Service whisper\"}");
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        Response changed = patch("/api/v1/services/" + service, "{\"voice\": {\"whisper\": null}}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertSwml(call(ALICE, P1), swml(connect(P2, BOB, 30, 14_400, true)));
    }

    @Test
    void forwardingKeepsTheServicesRecordingAndTimingsButNeverTheWhisper() {
        String service = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}},
                 "voice": {"record": true, "ring_timeout": 40, "max_duration": 1200,
                           "whisper": "Call from your courier", "answer_on_bridge": false}}
                """.formatted(SUPPORT));
        numbers(service, P1, P2);
        sessionWithVoice(service, "{\"whisper\": \"Session whisper\"}");

        Response answer = call(STRANGER, P1);

        assertSwml(answer, swml(RECORD_CALL, connect(P1, SUPPORT, 40, 1200, false)));
        assertThat(answer.body()).doesNotContain("confirm", "whisper", "courier");
    }
}
