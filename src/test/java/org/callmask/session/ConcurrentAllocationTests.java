package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.SwmlAnswer.connectsTo;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many clients opening masks at the same instant, as a dispatch burst does. */
class ConcurrentAllocationTests extends IntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aSharedContractorGetsExactlyOneMaskPerPoolNumber() throws Exception {
        for (int round = 0; round < 3; round++) {
            startFromEmptyTablesAgain();
            poolOf("+15551230001", "+15551230002", "+15551230003", "+15551230004", "+15551230005");

            List<Response> answers = race(24, i -> String.format("+1555999%04d", i), i -> "+15558001234");

            List<String> numbers = maskNumbersOf(answers);
            assertThat(numbers)
                    .as("round %d", round)
                    .containsExactlyInAnyOrder(
                            "+15551230001", "+15551230002", "+15551230003", "+15551230004", "+15551230005");
            assertThat(answers.stream().filter(r -> r.status() == 400).map(Response::body))
                    .hasSize(19)
                    .allMatch(body -> body.startsWith("There are no usable numbers in the pool."));
            assertInvariants(5);
        }
    }

    @Test
    void distinctPairsShareTheNumbersWithoutLimit() throws Exception {
        poolOf("+15551230001", "+15551230002", "+15551230003");

        List<Response> answers = race(40, i -> String.format("+1555999%04d", i), i -> String.format("+1555800%04d", i));

        assertThat(answers).allMatch(r -> r.status() == 200);
        assertInvariants(40);
        for (int i = 0; i < 40; i += 7) {
            String mask = JsonPath.read(answers.get(i).body(), "$.mask_number");
            assertThat(connectsTo(http.postJson("/calls/route", callBody(String.format("+1555999%04d", i), mask))
                            .body()))
                    .containsExactly(String.format("+1555800%04d", i));
        }
    }

    @Test
    void aPairAskingManyTimesAtOnceGetsOneMaskCountedOnce() throws Exception {
        poolOf("+15551230001", "+15551230002", "+15551230003");
        double openedBefore = meters.get("callmask.masks.opened").counter().count();

        List<Response> answers = race(20, i -> "+15559990000", i -> "+15558001234");

        assertThat(answers).allMatch(r -> r.status() == 200);
        assertThat(answers.stream().map(Response::body).distinct()).hasSize(1);
        assertInvariants(1);
        // Attempts that lost the race rolled back: only the committed mask is counted.
        assertThat(meters.get("callmask.masks.opened").counter().count() - openedBefore)
                .isEqualTo(1.0);
    }

    @Test
    void overlappingParticipantsNeverMeetTwiceOnOneNumber() throws Exception {
        poolOf("+15551230001", "+15551230002", "+15551230003", "+15551230004");

        // 6 clients and 4 contractors: every client-contractor pair, all at once.
        List<Response> answers =
                race(24, i -> String.format("+1555999%04d", i % 6), i -> String.format("+1555800%04d", i / 6));

        long opened = answers.stream().filter(r -> r.status() == 200).count();
        assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 400);
        // Four numbers hold at most four disjoint matchings of four pairs: 16 masks at the most.
        assertThat(opened).isBetween(4L, 16L);
        assertInvariants((int) opened);
    }

    private void startFromEmptyTablesAgain() {
        jdbc.sql("DELETE FROM interaction").update();
        jdbc.sql("DELETE FROM participant").update();
        jdbc.sql("DELETE FROM session").update();
        jdbc.sql("DELETE FROM pool_number").update();
    }

    private List<Response> race(int requests, IntFunction<String> client, IntFunction<String> contractor)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return openMask(client.apply(n), contractor.apply(n));
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> maskNumbersOf(List<Response> answers) {
        List<String> numbers = new ArrayList<>();
        for (Response answer : answers) {
            if (answer.status() == 200) {
                numbers.add(JsonPath.read(answer.body(), "$.mask_number"));
            }
        }
        return numbers;
    }

    private void assertInvariants(int expectedActiveMasks) {
        assertThat(ConsistencyChecks.doublePairings(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.countsMismatches(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.routeStateMismatches(jdbc)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session WHERE closed_at IS NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(expectedActiveMasks);
        List<Integer> inUse = JsonPath.read(http.get("/api/rest/numberPool").body(), "$[*].in_use");
        assertThat(inUse.stream().mapToInt(Integer::intValue).sum()).isEqualTo(expectedActiveMasks);
    }
}
