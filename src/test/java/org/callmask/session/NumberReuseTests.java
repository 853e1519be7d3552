package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.SwmlAnswer.connectsTo;

import com.jayway.jsonpath.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class NumberReuseTests extends IntegrationTest {

    @Test
    void oneNumberServesManyMasksWithDistinctParticipants() {
        poolOf("+15551231111");

        for (int i = 0; i < 10; i++) {
            var opened = openMask("+1555999000" + i, "+1555800123" + i);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(maskNumberOf(opened.body())).isEqualTo("+15551231111");
        }

        assertThat(http.get("/api/rest/numberPool").body())
                .isEqualTo("[{\"phone_number\":\"+15551231111\",\"in_use\":10}]");
        for (int i = 0; i < 10; i++) {
            assertThat(connectsTo(http.postJson("/calls/route", callBody("+1555999000" + i, "+15551231111"))
                            .body()))
                    .containsExactly("+1555800123" + i);
        }
    }

    @Test
    void neverPairsAParticipantTwiceWithOneNumber() {
        poolOf("+15551231111", "+15551232222");

        var first = openMask("+15559990000", "+15558001234");
        var second = openMask("+15559990001", "+15558001234");
        var third = openMask("+15559990002", "+15558001234");

        assertThat(maskNumberOf(first.body())).isEqualTo("+15551231111");
        assertThat(maskNumberOf(second.body())).isEqualTo("+15551232222");
        assertThat(third.status()).isEqualTo(400);
        // Both other callers reach the shared contractor, each through their own number.
        assertThat(connectsTo(http.postJson("/calls/route", callBody("+15558001234", "+15551231111"))
                        .body()))
                .containsExactly("+15559990000");
        assertThat(connectsTo(http.postJson("/calls/route", callBody("+15558001234", "+15551232222"))
                        .body()))
                .containsExactly("+15559990001");
    }

    @Test
    void picksTheLeastLoadedNumber() {
        poolOf("+15551233333", "+15551231111", "+15551232222");

        List<String> first = List.of(
                maskNumberOf(openMask("+15559990000", "+15558001230").body()),
                maskNumberOf(openMask("+15559990001", "+15558001231").body()),
                maskNumberOf(openMask("+15559990002", "+15558001232").body()));
        openMask("+15559990003", "+15558001233");

        assertThat(first).containsExactlyInAnyOrder("+15551231111", "+15551232222", "+15551233333");
        List<Integer> inUse = JsonPath.read(http.get("/api/rest/numberPool").body(), "$[*].in_use");
        assertThat(inUse).containsExactlyInAnyOrder(2, 1, 1);
    }

    @Test
    void spreadsPairsOverEquallyLoadedNumbersSoConcurrentRequestsDoNotQueueOnOne() {
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            numbers.append(i == 0 ? "" : ",").append(String.format("+1555123%04d", i));
        }
        poolOf(numbers.toString());

        // Each pair sees an idle pool of 20 equally loaded numbers; where it lands depends on the pair.
        Set<String> firstChoices = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String mask = maskNumberOf(openMask(String.format("+1555999%04d", i), String.format("+1555800%04d", i))
                    .body());
            firstChoices.add(mask);
            http.delete("/api/rest/numberMask/" + mask);
        }

        assertThat(firstChoices).as("first choices of 20 pairs on an idle pool").hasSizeGreaterThan(5);
    }

    private static String maskNumberOf(String json) {
        String mask = JsonPath.read(json, "$.mask_number");
        assertThat(mask).as(json).matches("\\+\\d+");
        return mask;
    }

    @Test
    void givesAReturningPairTheNumberItHadBeforeEvenWhenItIsBusier() {
        poolOf("+15551231111", "+15551232222");
        String before = maskNumberOf(openMask("+15559990000", "+15558001234").body());
        String other = before.equals("+15551231111") ? "+15551232222" : "+15551231111";
        http.delete("/api/rest/numberMask/" + before);
        for (int i = 0; inUse(before) <= inUse(other); i++) {
            assertThat(i)
                    .as("masks opened to make the old number the busier one")
                    .isLessThan(20);
            openMask(String.format("+1555000%04d", i), String.format("+1555111%04d", i));
        }

        String again = maskNumberOf(openMask("+15559990000", "+15558001234").body());

        assertThat(again).isEqualTo(before);
    }

    private int inUse(String number) {
        List<Integer> inUse = JsonPath.read(
                http.get("/api/rest/numberPool").body(), "$[?(@.phone_number == '" + number + "')].in_use");
        assertThat(inUse).as("routes on " + number).hasSize(1);
        return inUse.get(0);
    }

    @Test
    void keepsThePoolsRouteCountsInStepWithTheRoutes() {
        poolOf("+15551231111", "+15551232222");
        for (int i = 0; i < 6; i++) {
            openMask("+1555999000" + i, "+1555800123" + (i % 2));
        }
        http.delete("/api/rest/numberMask/+15551231111?client_number=%2B15559990000&contractor_number=%2B15558001230");

        assertThat(ConsistencyChecks.countsMismatches(jdbc)).isEmpty();
    }
}
