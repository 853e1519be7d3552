package org.callmask.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;

class OperationsTests extends IntegrationTest {

    /** Webhook answers, by kind and outcome. */
    private static final String WEBHOOKS = "callmask_webhook_seconds_count";

    @Autowired
    List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void reportsHealthWithLivenessReadinessAndTheDatabase() {
        var health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        DocumentContext all = JsonPath.parse(health.body());
        assertThat(all.read("$.status", String.class)).isEqualTo("UP");
        assertThat(all.read("$.components.db.status", String.class)).isEqualTo("UP");
        // The probes are reached by their own paths; their group names are not listed.
        assertThat(all.read("$", Map.class)).doesNotContainKey("groups");

        var readiness = JsonPath.parse(http.get("/actuator/health/readiness").body());
        assertThat(readiness.read("$.components", Map.class)).containsKeys("db", "readinessState");
        var liveness = JsonPath.parse(http.get("/actuator/health/liveness").body());
        assertThat(liveness.read("$.components", Map.class))
                .containsKey("livenessState")
                .doesNotContainKey("db");
    }

    @Test
    void reportsTheVersionAndCommit() {
        var info = http.get("/actuator/info");

        assertThat(info.status()).isEqualTo(200);
        DocumentContext json = JsonPath.parse(info.body());
        assertThat(json.read("$.build.artifact", String.class)).isEqualTo("callmask");
        assertThat(json.read("$.build.version", String.class)).isNotBlank();
        // A source tree without git history has no commit to report; a checkout does.
        if (Files.exists(Path.of(".git"))) {
            assertThat(json.read("$.git.commit.id", String.class)).isNotBlank();
        }
    }

    @Test
    void exposesOnlyHealthInfoMetricsAndPrometheus() {
        var links = JsonPath.parse(http.get("/actuator").body());
        assertThat(links.read("$._links", Map.class))
                .containsOnlyKeys(
                        "self", "health", "health-path", "info", "metrics", "metrics-requiredMetricName", "prometheus");
        assertThat(links.read("$._links.prometheus.href", String.class)).endsWith("/actuator/prometheus");
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").status()).isEqualTo(404);
        assertThat(http.get("/actuator/heapdump").status()).isEqualTo(404);
    }

    @Test
    void countsWebhookOutcomesMasksAndPoolStateWithoutAnyNumberAsATag() {
        poolOf("+15551231111");
        String before = http.get("/actuator/prometheus").body();

        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001234");
        http.postJson("/calls/route", callBody("+15559990000", "+15551231111"));
        http.postJson("/calls/route", callBody("+15557770000", "+15551231111"));
        http.postForm("/texts/route", fields("From", "+15558001234", "To", "+15551231111", "Body", "hi"));
        http.postForm("/texts/route", fields("From", "+15557770000", "To", "+15551231111", "Body", "hi"));
        http.delete("/api/rest/numberMask/+15551231111");

        String prometheus = http.get("/actuator/prometheus").body();

        assertThat(grown(before, prometheus, WEBHOOKS, "kind=\"call\"", "outcome=\"connected\""))
                .isEqualTo(1);
        assertThat(grown(before, prometheus, WEBHOOKS, "kind=\"call\"", "outcome=\"refused\""))
                .isEqualTo(1);
        assertThat(grown(before, prometheus, WEBHOOKS, "kind=\"message\"", "outcome=\"forwarded\""))
                .isEqualTo(1);
        assertThat(grown(before, prometheus, WEBHOOKS, "kind=\"message\"", "outcome=\"refused\""))
                .isEqualTo(1);
        assertThat(grown(before, prometheus, WEBHOOKS, "outcome=\"error\"")).isZero();
        assertThat(prometheus).contains("callmask_webhook_seconds_bucket");
        assertThat(grown(before, prometheus, "callmask_masks_opened_total")).isEqualTo(1);
        assertThat(grown(before, prometheus, "callmask_pool_exhausted_total")).isEqualTo(1);
        assertThat(grown(before, prometheus, "callmask_masks_closed_total", "reason=\"deleted\""))
                .as(prometheus.lines().filter(l -> l.contains("masks")).toList().toString())
                .isEqualTo(1);
        assertThat(grown(before, prometheus, "callmask_masks_closed_total", "reason=\"expired\""))
                .isZero();
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
    void timesEverySweeperRun() {
        Runnable sweeper = scheduledSweeper();
        double succeeded = sweeperRuns("ok");
        double failed = sweeperRuns("failed");

        sweeper.run();
        sweeper.run();
        sweeper.run();

        assertThat(sweeperRuns("ok") - succeeded).as("successful runs timed").isEqualTo(3);
        assertThat(sweeperRuns("failed") - failed).as("failed runs timed").isZero();
    }

    /** The sweeper as the scheduler runs it. */
    private Runnable scheduledSweeper() {
        List<Runnable> sweepers = scheduledTasks.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(task -> task.toString().equals("org.callmask.session.ExpirySweeper.sweep"))
                .map(Task::getRunnable)
                .toList();
        assertThat(sweepers).as("scheduled sweeper tasks").hasSize(1);
        return sweepers.get(0);
    }

    private double sweeperRuns(String result) {
        var metric = http.get("/actuator/metrics/callmask.sweeper.runs?tag=result:" + result);
        assertThat(metric.status()).isEqualTo(200);
        List<Double> count = JsonPath.read(metric.body(), "$.measurements[?(@.statistic == 'COUNT')].value");
        assertThat(count).hasSize(1);
        return count.get(0);
    }

    /** How much a Prometheus series (summed over the series that carry every label) grew. */
    private static double grown(String before, String after, String name, String... labels) {
        return value(after, name, labels) - value(before, name, labels);
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
