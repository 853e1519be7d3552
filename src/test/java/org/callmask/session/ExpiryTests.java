package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpiryTests extends IntegrationTest {

    @Autowired
    ExpirySweeper sweeper;

    @Test
    void anExpiredMaskStopsRoutingAtOnceWithoutTheSweeper() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .contains("connect");

        clock.advance(Duration.ofSeconds(1));

        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .doesNotContain("connect");
        assertThat(http.get("/api/rest/numberMask/+15551231111").body()).contains("\"status\":\"expired\"");
        assertThat(http.get("/api/rest/numberPool").body()).contains("\"in_use\":0");
    }

    @Test
    void anExpiredMaskNeverBlocksANewOne() {
        poolOf("+15551231111", "+15551232222");
        openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofHours(25));

        var sameContractor = openMask("+15559990001", "+15558001234");
        var samePair = openMask("+15559990000", "+15558001234");

        assertThat(sameContractor.status()).as(sameContractor.body()).isEqualTo(200);
        assertThat(samePair.status()).isEqualTo(200);
        assertThat(samePair.body()).contains("\"status\":\"active\"", "\"created_at\":\"2024-04-04 20:25:31\"");
        assertThat(ConsistencyChecks.countsMismatches(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.doublePairings(jdbc)).isEmpty();
    }

    @Test
    void theSweeperClosesExpiredMasksOnceAndReleasesTheirRoutes() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001235");
        clock.advance(Duration.ofHours(25));

        sweeper.sweep();
        sweeper.sweep();

        assertThat(jdbc.sql("SELECT close_reason FROM session")
                        .query(String.class)
                        .list())
                .containsExactly("expired", "expired");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM participant WHERE released_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT active_routes FROM pool_number")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(ConsistencyChecks.routeStateMismatches(jdbc)).isEmpty();
        assertThat(http.get("/api/rest/numberMask/+15551231111").body())
                .contains("\"status\":\"expired\"")
                .doesNotContain("\"status\":\"active\"");
    }

    @Test
    void theSweeperLeavesLiveMasksAlone() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofHours(2));
        http.postJson(
                "/api/rest/numberMask",
                "{\"client_number\":\"+15559990001\",\"contractor_number\":\"+15558001235\",\"ttl_seconds\":60}");
        clock.advance(Duration.ofMinutes(2));

        sweeper.sweep();

        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .contains("connect");
        assertThat(http.postJson("/calls/route", callBody("+15559990001", "+15551231111"))
                        .body())
                .doesNotContain("connect");
        assertThat(http.get("/api/rest/numberPool").body()).contains("\"in_use\":1");
    }
}
