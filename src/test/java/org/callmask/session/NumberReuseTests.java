package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class NumberReuseTests extends IntegrationTest {

    @Test
    void oneNumberServesManyMasksWithDistinctParticipants() {
        poolOf("+15551231111");

        for (int i = 0; i < 10; i++) {
            var opened = openMask("+1555999000" + i, "+1555800123" + i);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.body()).contains("\"mask_number\":\"+15551231111\"");
        }

        assertThat(http.get("/api/rest/numberPool").body()).isEqualTo("[{\"phone_number\":\"+15551231111\",\"in_use\":10}]");
        for (int i = 0; i < 10; i++) {
            assertThat(http.postJson("/calls/route", callBody("+1555999000" + i, "+15551231111")).body())
                    .contains("\"to\":\"+1555800123" + i + "\"");
        }
    }

    @Test
    void neverPairsAParticipantTwiceWithOneNumber() {
        poolOf("+15551231111", "+15551232222");

        var first = openMask("+15559990000", "+15558001234");
        var second = openMask("+15559990001", "+15558001234");
        var third = openMask("+15559990002", "+15558001234");

        assertThat(first.body()).contains("+15551231111");
        assertThat(second.body()).contains("+15551232222");
        assertThat(third.status()).isEqualTo(400);
        // Both other callers reach the shared contractor, each through their own number.
        assertThat(http.postJson("/calls/route", callBody("+15558001234", "+15551231111")).body())
                .contains("\"to\":\"+15559990000\"");
        assertThat(http.postJson("/calls/route", callBody("+15558001234", "+15551232222")).body())
                .contains("\"to\":\"+15559990001\"");
    }

    @Test
    void picksTheLeastLoadedNumberWithTiesBrokenByNumber() {
        poolOf("+15551233333", "+15551231111", "+15551232222");

        List<String> masks = List.of(
                openMask("+15559990000", "+15558001230").body(),
                openMask("+15559990001", "+15558001231").body(),
                openMask("+15559990002", "+15558001232").body(),
                openMask("+15559990003", "+15558001233").body());

        assertThat(masks.get(0)).contains("\"mask_number\":\"+15551231111\"");
        assertThat(masks.get(1)).contains("\"mask_number\":\"+15551232222\"");
        assertThat(masks.get(2)).contains("\"mask_number\":\"+15551233333\"");
        assertThat(masks.get(3)).contains("\"mask_number\":\"+15551231111\"");
    }

    @Test
    void givesAReturningPairTheNumberItHadBeforeEvenWhenItIsBusier() {
        poolOf("+15551231111", "+15551232222");
        assertThat(openMask("+15559990000", "+15558001234").body()).contains("\"mask_number\":\"+15551231111\"");
        http.delete("/api/rest/numberMask/+15551231111");
        openMask("+15550000001", "+15550000002");
        openMask("+15550000003", "+15550000004");
        openMask("+15550000005", "+15550000006");
        assertThat(http.get("/api/rest/numberPool").body()).isEqualTo(
                "[{\"phone_number\":\"+15551231111\",\"in_use\":2},{\"phone_number\":\"+15551232222\",\"in_use\":1}]");

        var again = openMask("+15559990000", "+15558001234");

        assertThat(again.body()).contains("\"mask_number\":\"+15551231111\"");
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
