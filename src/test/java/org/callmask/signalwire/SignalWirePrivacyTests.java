package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Talking to SignalWire, failures included, puts neither a participant's number nor the API token
 * in the logs, and the token in no answer, health details included.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignalWirePrivacyTests extends SignalWireTest {

    @Test
    void neitherNumbersNorTheTokenReachTheLogsOrTheAnswers(CapturedOutput output) {
        String service = service("deliveries");
        numbers(service, P1, P2);
        String session = aliceAndBob(service, "");
        String alice = participantId(session, ALICE);
        String bob = participantId(session, BOB);
        String messages = "/api/v1/services/" + service + "/sessions/" + id(session) + "/messages";
        String calls = "/api/v1/services/" + service + "/sessions/" + id(session) + "/calls";
        StringBuilder answers = new StringBuilder();

        SIGNALWIRE.answer(
                "POST " + FakeSignalWire.messagesPath(),
                r -> Reply.json(400, "{\"code\": 21211, \"message\": \"The 'To' number " + ALICE + " is not valid\"}"));
        answers.append(http.postJson(messages, "{\"to_participant\": \"" + alice + "\", \"body\": \"hi\"}")
                .body());
        SIGNALWIRE.answer(
                "POST " + FakeSignalWire.messagesPath(),
                r -> Reply.json(201, "{\"sid\": \"SM1\"}").after(1500));
        answers.append(http.postJson(messages, "{\"to_participant\": \"" + bob + "\", \"body\": \"hi\"}")
                .body());
        SIGNALWIRE.answer("POST /api/calling/calls", r -> Reply.json(503, "{}"));
        answers.append(http.postJson(calls, "{\"first_participant\": \"" + alice + "\"}")
                .body());
        answers.append(http.postJson("/api/v1/services/" + service + "/numbers/sync", "{\"fix\": true}")
                .body());
        String health = http.get("/actuator/health").body();
        answers.append(health);

        assertThat((Boolean) JsonPath.read(health, "$.components.signalwire.details.configured"))
                .isTrue();
        assertThat(output.getAll()).contains("SignalWire");
        for (String secret : new String[] {ALICE, BOB, FakeSignalWire.TOKEN}) {
            assertThat(output.getAll()).as("logs must not hold " + secret).doesNotContain(secret);
        }
        assertThat(answers.toString()).doesNotContain(FakeSignalWire.TOKEN).doesNotContain(BOB);
    }
}
