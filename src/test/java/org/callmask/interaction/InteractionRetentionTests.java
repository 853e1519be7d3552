package org.callmask.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.callmask.session.Sessions;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Interactions are kept no longer than the sessions they belong to: with their session when
 * retention purges it, and on their own after the same period when they belong to none.
 */
class InteractionRetentionTests extends IntegrationTest {

    private static final String ALICE = "+15559990001";
    private static final String BOB = "+15558000002";
    private static final String STRANGER = "+15557770000";
    private static final String P1 = "+15551230001";
    private static final String P2 = "+15551230002";

    @Autowired
    Sessions sessions;

    @Autowired
    InteractionPurge purge;

    private String service;

    @BeforeEach
    void aServiceWithTwoNumbers() {
        Response created = http.postJson("/api/v1/services", "{\"unique_name\": \"retained\"}");
        service = JsonPath.read(created.body(), "$.id");
        http.postJson("/api/v1/services/" + service + "/numbers", "{\"numbers\": [\"" + P1 + "\", \"" + P2 + "\"]}");
    }

    private List<String> interactions() {
        return JsonPath.read(
                http.get("/api/v1/services/" + service + "/interactions").body(), "$.items[*].id");
    }

    @Test
    void aSessionsInteractionsGoWithItWhenRetentionPurgesIt() {
        Response opened = http.postJson(
                "/api/v1/services/" + service + "/sessions",
                "{\"participants\": [{\"number\": \"" + ALICE + "\", \"proxy_number\": \"" + P1 + "\"}, {\"number\": \""
                        + BOB + "\", \"proxy_number\": \"" + P2 + "\"}]}");
        String session = JsonPath.read(opened.body(), "$.id");
        http.postJson("/calls/route", callBody(ALICE, P1));
        await().until(() -> interactions().size() == 1);
        Response closed = http.send(http.request("/api/v1/services/" + service + "/sessions/" + session)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"status\": \"closed\"}")));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        clock.advance(Duration.ofDays(29));
        sessions.purgeHistory();
        assertThat(interactions()).hasSize(1);

        clock.advance(Duration.ofDays(2));
        sessions.purgeHistory();
        assertThat(interactions()).isEmpty();
    }

    @Test
    void anInteractionOutsideAnySessionIsPurgedAfterTheSamePeriod() {
        http.postJson("/calls/route", callBody(STRANGER, P1));
        await().until(() -> interactions().size() == 1);

        clock.advance(Duration.ofDays(29));
        assertThat(purge.purgeNow()).isZero();

        clock.advance(Duration.ofDays(2));
        assertThat(purge.purgeNow()).isEqualTo(1);
        assertThat(interactions()).isEmpty();
    }
}
