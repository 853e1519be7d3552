package org.callmask.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A pool number is never a client or contractor, so no proxy number can route to itself. */
class PoolNumberAsParticipantTests extends IntegrationTest {

    @Test
    void refusesAMaskWhoseContractorIsAPoolNumber() {
        poolOf(PROXY, "+15551232222");

        Response answer = openMask(CLIENT, "+15551232222");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("+15551232222 is a pool number and cannot be a client or contractor");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesAMaskWhoseClientIsAPoolNumber() {
        poolOf(PROXY, "+15551232222");

        Response answer = openMask(PROXY, CONTRACTOR);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).startsWith(PROXY + " is a pool number");
    }

    @Test
    void refusesToAddAnActiveParticipantsNumberToThePoolAndAddsNothing() {
        aMaskBetweenClientAndContractor();

        Response answer = http.postJson("/api/rest/numberPool", "{\"phone_numbers\":\"+15551233333," + CLIENT + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).startsWith(CLIENT + " is a client's or contractor's number in an active mask");
        assertThat(http.get("/api/rest/numberPool").body()).doesNotContain("+15551233333");
    }

    @Test
    void letsAFormerParticipantJoinThePoolOnceTheMaskIsDeleted() {
        aMaskBetweenClientAndContractor();
        http.delete("/api/rest/numberMask/" + PROXY);

        assertThat(http.postJson("/api/rest/numberPool", "{\"phone_numbers\":\"" + CLIENT + "\"}")
                        .status())
                .isEqualTo(200);
    }
}
