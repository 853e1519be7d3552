package org.callmask.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class NumberMaskApiTests extends IntegrationTest {

    private static final String MASKS = "/api/rest/numberMask";

    private static final String README_MASK =
            "{\"client_number\":\"+15559990000\",\"contractor_number\":\"+15558001234\","
                    + "\"mask_number\":\"+15551231111\",\"created_at\":\"2024-04-03 19:25:31\",\"expires_at\":\"2024-04-04 19:25:31\","
                    + "\"deleted\":0,\"id\":%d,\"status\":\"%s\"}";

    @Test
    void runsTheReadmeTourWithTheSeedsFieldsAndValues() {
        poolOf("+15551231111", "+15551232222");

        var opened = http.postJson(MASKS, """
                {
                    "client_number": "+15559990000",
                    "contractor_number": "+15558001234"
                }""");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.contentType()).startsWith("application/json");
        long id = jdbc.sql("SELECT id FROM session").query(Long.class).single();
        assertThat(opened.body()).isEqualTo(README_MASK.formatted(id, "active"));

        var listed = http.get(MASKS + "/+15551231111");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo("[" + README_MASK.formatted(id, "active") + "]");

        var deleted = http.delete(MASKS + "/+15551231111");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("OK");
        assertThat(http.get(MASKS + "/+15551231111").body()).isEqualTo("[]");

        assertThat(http.delete("/api/rest/numberPool/+15551231111").body()).isEqualTo("OK");
        assertThat(http.get("/api/rest/numberPool").body())
                .isEqualTo("[{\"phone_number\":\"+15551232222\",\"in_use\":0}]");
    }

    @Test
    void acceptsTheMaskNumberEncodedInThePath() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");

        assertThat(http.get(MASKS + "/%2B15551231111").body()).contains("\"mask_number\":\"+15551231111\"");
    }

    @Test
    void returnsTheOpenMaskWhenTheSamePairAsksAgain() {
        poolOf("+15551231111", "+15551232222");
        var first = openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofMinutes(5));

        var second = openMask("+15559990000", "+15558001234");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void honoursAPerMaskLifetime() {
        poolOf("+15551231111");

        var opened = http.postJson(
                MASKS,
                "{\"client_number\":\"+15559990000\",\"contractor_number\":\"+15558001234\",\"ttl_seconds\":3600}");

        assertThat(opened.body())
                .contains("\"created_at\":\"2024-04-03 19:25:31\"", "\"expires_at\":\"2024-04-03 20:25:31\"");
    }

    @Test
    void rejectsMissingFieldsInTheSeedsOrder() {
        poolOf("+15551231111");

        assertThat(http.postJson(MASKS, "{\"client_number\":\"+15559990000\"}").body())
                .isEqualTo("Required param contractor_number missing");
        assertThat(http.postJson(MASKS, "{\"contractor_number\":\"+15558001234\"}")
                        .body())
                .isEqualTo("Required param client_number missing");
        assertThat(http.postJson(MASKS, "{\"contractor_number\":\"+15558001234\",\"client_number\":\"\"}")
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isZero();
    }

    @Test
    void rejectsInvalidNumbersTypesAndLifetimes() {
        poolOf("+15551231111");

        var badClient = http.postJson(MASKS, "{\"client_number\":\"+1555999\",\"contractor_number\":\"+15558001234\"}");
        assertThat(badClient.status()).isEqualTo(400);
        assertThat(badClient.body()).startsWith("+1555999 is not a valid E.164 formatted phone number");

        var numeric = http.postJson(MASKS, "{\"client_number\":15559990000,\"contractor_number\":\"+15558001234\"}");
        assertThat(numeric.status()).isEqualTo(400);
        assertThat(numeric.body()).isEqualTo("client_number must be a string such as \"+15551231111\"");

        for (String ttl : new String[] {"0", "-5", "\"soon\"", "1.5", "99999999999"}) {
            var refused = http.postJson(
                    MASKS,
                    "{\"client_number\":\"+15559990000\",\"contractor_number\":\"+15558001234\",\"ttl_seconds\":" + ttl
                            + "}");
            assertThat(refused.status()).as(ttl).isEqualTo(400);
            assertThat(refused.body()).as(ttl).contains("ttl_seconds");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isZero();
    }

    @Test
    void rejectsOneNumberOnBothSides() {
        poolOf("+15551231111");

        var refused = openMask("+15559990000", "+15559990000");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("client_number and contractor_number must be different numbers");
    }

    @Test
    void saysThePoolIsExhaustedInTheSeedsWordsAndChangesNothing() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");

        var refused = openMask("+15559990001", "+15558001234");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .isEqualTo("There are no usable numbers in the pool.  Please add numbers, or remove unused masks.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT active_routes FROM pool_number")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void listsExpiredMasksWithTheirStatusButNotDeletedOnes() {
        poolOf("+15551231111");
        var first = openMask("+15559990000", "+15558001234");
        clock.advance(Duration.ofHours(25));
        var second = openMask("+15559990001", "+15558001235");
        http.delete(MASKS + "/+15551231111");
        var third = openMask("+15559990002", "+15558001236");

        var listed = http.get(MASKS + "/+15551231111").body();

        assertThat(first.body()).contains("\"status\":\"active\"");
        assertThat(listed).contains("\"client_number\":\"+15559990000\"", "\"status\":\"expired\"");
        assertThat(listed).doesNotContain("+15559990001");
        assertThat(listed).contains("\"client_number\":\"+15559990002\"", "\"status\":\"active\"");
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void deletingAMaskFreesTheNumberAtOnce() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        assertThat(openMask("+15559990001", "+15558001234").status()).isEqualTo(400);

        http.delete(MASKS + "/+15551231111");

        assertThat(http.get("/api/rest/numberPool").body()).contains("\"in_use\":0");
        assertThat(openMask("+15559990001", "+15558001234").status()).isEqualTo(200);
        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .doesNotContain("connect");
    }

    @Test
    void deletesOnlyTheNamedPairWhenAskedTo() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001235");

        var deleted =
                http.delete(MASKS + "/+15551231111?client_number=%2B15559990000&contractor_number=%2B15558001234");

        assertThat(deleted.status()).isEqualTo(200);
        var listed = http.get(MASKS + "/+15551231111").body();
        assertThat(listed).doesNotContain("+15559990000").contains("+15559990001");
        assertThat(http.postJson("/calls/route", callBody("+15559990001", "+15551231111"))
                        .body())
                .contains("connect");
    }

    @Test
    void rejectsHalfAPairOrAnInvalidMaskNumber() {
        assertThat(http.delete(MASKS + "/+15551231111?client_number=%2B15559990000")
                        .status())
                .isEqualTo(400);
        assertThat(http.get(MASKS + "/not-a-number").status()).isEqualTo(400);
        assertThat(http.get(MASKS + "/+15551231111").body()).isEqualTo("[]");
    }
}
