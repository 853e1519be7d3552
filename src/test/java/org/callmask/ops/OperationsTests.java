package org.callmask.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.time.Duration;
import java.util.regex.Pattern;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class OperationsTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void reportsHealthWithLivenessReadinessAndTheDatabase() {
        var health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\"");
        var readiness = http.get("/actuator/health/readiness").body();
        assertThat(readiness).contains("\"db\"", "\"readinessState\"");
        assertThat(http.get("/actuator/health/liveness").body())
                .contains("\"livenessState\"")
                .doesNotContain("\"db\"");
    }

    @Test
    void reportsTheVersionAndCommit() {
        var info = http.get("/actuator/info");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"", "\"version\"", "\"artifact\":\"callmask\"");
        // A source tree without git history has no commit to report; a checkout does.
        if (new java.io.File(".git").exists()) {
            assertThat(info.body()).contains("\"git\"", "\"commit\"");
        }
    }

    @Test
    void exposesOnlyHealthInfoMetricsAndPrometheus() {
        assertThat(http.get("/actuator").body())
                .contains("/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus")
                .doesNotContain("/actuator/env", "/actuator/beans", "/actuator/heapdump");
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/heapdump").status()).isEqualTo(404);
    }

    @Test
    void countsWebhookOutcomesMasksAndPoolStateWithoutAnyNumberAsATag() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001234");
        http.postJson("/calls/route", callBody("+15559990000", "+15551231111"));
        http.postJson("/calls/route", callBody("+15557770000", "+15551231111"));
        http.postForm("/texts/route", fields("From", "+15558001234", "To", "+15551231111", "Body", "hi"));
        http.postForm("/texts/route", fields("From", "+15557770000", "To", "+15551231111", "Body", "hi"));
        http.delete("/api/rest/numberMask/+15551231111");

        String prometheus = http.get("/actuator/prometheus").body();

        assertThat(value(prometheus, "callmask_webhook_seconds_count", "kind=\"call\"", "outcome=\"connected\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(prometheus, "callmask_webhook_seconds_count", "kind=\"call\"", "outcome=\"refused\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(prometheus, "callmask_webhook_seconds_count", "kind=\"message\"", "outcome=\"forwarded\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(prometheus).contains("callmask_webhook_seconds_bucket");
        assertThat(value(prometheus, "callmask_masks_opened_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(prometheus, "callmask_masks_closed_total", "reason=\"deleted\""))
                .as(prometheus.lines().filter(l -> l.contains("masks")).toList().toString())
                .isGreaterThanOrEqualTo(1);
        assertThat(value(prometheus, "callmask_pool_exhausted_total")).isGreaterThanOrEqualTo(1);
        assertThat(prometheus)
                .contains(
                        "callmask_masks_active",
                        "callmask_pool_numbers{",
                        "state=\"free\"",
                        "callmask_pool_busiest_routes");
        assertThat(Pattern.compile("\\+\\d{6,}").matcher(prometheus).find())
                .as("a phone number in the metrics")
                .isFalse();
    }

    @Test
    void gaugesFollowThePoolAndTheMasks() {
        poolOf("+15551231111", "+15551232222");
        openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofSeconds(10));

        String prometheus = http.get("/actuator/prometheus").body();

        assertThat(value(prometheus, "callmask_masks_active")).isEqualTo(1);
        assertThat(value(prometheus, "callmask_pool_numbers", "state=\"in_use\""))
                .isEqualTo(1);
        assertThat(value(prometheus, "callmask_pool_numbers", "state=\"free\"")).isEqualTo(1);
        assertThat(value(prometheus, "callmask_pool_busiest_routes")).isEqualTo(2);
    }

    @Test
    void timesSweeperRuns() {
        context.getBean(org.callmask.session.Sessions.class);
        http.get("/actuator/prometheus");
        assertThat(http.get("/actuator/metrics/callmask.sweeper.runs").status()).isEqualTo(200);
    }

    private static double value(String prometheus, String name, String... labels) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    for (String label : labels) {
                        if (!line.contains(label)) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
