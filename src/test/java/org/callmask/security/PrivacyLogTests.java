package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The whole tour, errors and refusals included, leaves no participant's full number in the logs. */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyLogTests extends IntegrationTest {

    private static final List<String> PARTICIPANTS =
            List.of("+15559990000", "+15558001234", "+15559990001", "+15557770000", "+447700900123");

    private static final String OBSERVER = "org.callmask.telephony.WebhookObserver";

    @Test
    void noParticipantNumberReachesTheLogs(CapturedOutput output) {
        // Every webhook's line too, those of calls put through included (DEBUG).
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(OBSERVER, LogLevel.DEBUG);
        try {
            tour();
        } finally {
            logging.setLogLevel(OBSERVER, null);
        }
        assertThat(output.getAll()).contains("Webhook call connected", "+1555•••0000");
        for (String number : PARTICIPANTS) {
            assertThat(output.getAll()).as("logs must not hold " + number).doesNotContain(number);
        }
    }

    private void tour() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001234");
        openMask("+15559990000", "+15559990000");
        http.postJson(
                "/api/rest/numberMask", "{\"client_number\":\"+447700900123\",\"contractor_number\":15558001234}");
        http.get("/api/rest/numberMask/+15551231111");
        http.postJson("/calls/route", callBody("+15559990000", "+15551231111"));
        http.postJson("/calls/route", callBody("+15558001234", "+15551231111"));
        http.postJson("/calls/route", callBody("+15557770000", "+15551231111"));
        http.postJson("/calls/route", "{\"call\":{\"from\":\"+15559990001\",\"to\":\"+15551231111\"");
        http.postForm(
                "/texts/route", fields("From", "+15559990000", "To", "+15551231111", "Body", "call +447700900123"));
        http.postForm("/texts/route", fields("From", "+15557770000", "To", "+15551231111", "Body", "hi"));
        http.post(
                "/texts/route",
                "application/x-www-form-urlencoded",
                "From=%2B15559990001&To=%ZZ".getBytes(StandardCharsets.UTF_8));
        http.send(http.request(
                        "/api/rest/numberMask/+15551231111?client_number=%2B15559990000&contractor_number=%2B15558001234")
                .header("X-Forwarded-For", "203.0.113.9")
                .DELETE());
        http.send(http.request("/api/rest/numberMask/+15557770000")
                .header("X-Forwarded-For", "203.0.113.9")
                .GET());
        http.delete("/api/rest/numberPool/+15551231111");
        clock.advance(Duration.ofDays(2));
        http.postJson("/calls/route", callBody("+15559990000", "+15551231111"));
        http.delete("/api/rest/numberPool/+15551231111?force=true");
    }
}
