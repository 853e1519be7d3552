package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a service's out-of-session policy, nobody who is not put through to a participant ever
 * gets an answer naming a participant's real number: not a stranger, not a participant dialling
 * the wrong proxy, not one whose session's mode refuses the contact, ended, or lost its other side.
 */
class RoutingPrivacyTests extends V1RoutingTest {

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("default", "{}"),
                Arguments.of(
                        "announce",
                        "{\"call\": {\"action\": \"announce\", \"message\": \"Not in service.\"},"
                                + " \"message\": {\"action\": \"drop\"}}"),
                Arguments.of(
                        "forward",
                        "{\"call\": {\"action\": \"forward\", \"to\": \"" + SUPPORT + "\"},"
                                + " \"message\": {\"action\": \"drop\"}}"),
                Arguments.of(
                        "reply",
                        "{\"call\": {\"action\": \"announce\"},"
                                + " \"message\": {\"action\": \"reply\", \"text\": \"Not in service.\"}}"),
                Arguments.of(
                        "forward-and-reply",
                        "{\"call\": {\"action\": \"forward\", \"to\": \"" + SUPPORT + "\"},"
                                + " \"message\": {\"action\": \"reply\", \"text\": \"Not in service.\"}}"));
    }

    /** Calls (SWML and LaML) and a text from {@code from} to {@code to}, every answer kept. */
    private List<Response> everyKindOfContact(String from, String to) {
        List<Response> answers = new ArrayList<>();
        answers.add(call(from, to));
        answers.add(formCall(from, to));
        answers.add(text(from, to, "Who is on this number?"));
        return answers;
    }

    private String serviceWith(String policy, String voice) {
        return service("{\"unique_name\": \"privacy\", \"out_of_session\": " + policy + ", \"voice\": " + voice + "}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aStrangerLearnsNoParticipantsNumber(String name, String policy) {
        String service = serviceWith(policy, "{\"whisper\": \"Call for " + BOB + "\"}");
        numbers(service, P1, P2, P3);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        for (String proxy : List.of(P1, P2, P3)) {
            for (Response answer : everyKindOfContact(STRANGER, proxy)) {
                assertRevealsNone(answer, ALICE, BOB);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aParticipantOnTheOthersProxyLearnsNothingOfTheOther(String name, String policy) {
        String service = serviceWith(policy, "{}");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        for (Response answer : everyKindOfContact(ALICE, P2)) {
            assertRevealsNone(answer, BOB);
        }
        for (Response answer : everyKindOfContact(BOB, P1)) {
            assertRevealsNone(answer, ALICE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aParticipantWhoseModeIsRefusedLearnsNothingOfTheOther(String name, String policy) {
        String service = serviceWith(policy, "{}");
        numbers(service, P1, P2, P3, "+15551230004");
        session(
                service,
                "{\"mode\": \"message-only\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}");
        session(
                service,
                "{\"mode\": \"voice-only\", \"participants\": [" + participant(CAROL, P3) + ", "
                        + participant(DAVE, "+15551230004") + "]}");

        assertRevealsNone(call(ALICE, P1), BOB);
        assertRevealsNone(formCall(ALICE, P1), BOB);
        assertRevealsNone(text(CAROL, P3, "Hi"), DAVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aParticipantLeftAloneOrWhoseSessionEndedLearnsNothingOfTheOther(String name, String policy) {
        String service = serviceWith(policy, "{}");
        numbers(service, P1, P2, P3, "+15551230004");
        String alone = sessionWithProxies(service, ALICE, P1, BOB, P2);
        String ended = sessionWithProxies(service, CAROL, P3, DAVE, "+15551230004");
        String sessions = "/api/v1/services/" + service + "/sessions/";
        assertThat(http.delete(sessions + id(alone) + "/participants/" + participantId(alone, BOB))
                        .status())
                .isEqualTo(204);
        assertThat(http.delete(sessions + id(ended)).status()).isEqualTo(204);

        for (Response answer : everyKindOfContact(ALICE, P1)) {
            assertRevealsNone(answer, BOB);
        }
        for (Response answer : everyKindOfContact(BOB, P2)) {
            assertRevealsNone(answer, ALICE);
        }
        for (Response answer : everyKindOfContact(CAROL, P3)) {
            assertRevealsNone(answer, DAVE);
        }
        for (Response answer : everyKindOfContact(DAVE, "+15551230004")) {
            assertRevealsNone(answer, CAROL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aStrangerOnANumberInNoPoolLearnsNothing(String name, String policy) {
        String service = serviceWith(policy, "{}");
        numbers(service, P1, P2);
        sessionWithProxies(service, ALICE, P1, BOB, P2);

        for (Response answer : everyKindOfContact(STRANGER, "+15550000000")) {
            assertRevealsNone(answer, ALICE, BOB);
        }
    }
}
