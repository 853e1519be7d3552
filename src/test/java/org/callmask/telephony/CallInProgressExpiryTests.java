package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Duration;
import org.callmask.session.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session whose lifetime runs out during a call stays open until the call ends (or could last no
 * longer), then closes as expired; routing and the sweeper agree on it.
 */
class CallInProgressExpiryTests extends V1RoutingTest {

    @Autowired
    private Sessions sessions;

    private String service;
    private String session;

    @BeforeEach
    void aOneMinuteSessionBetweenAliceAndBob() {
        service =
                service("{\"unique_name\": \"short-calls\", \"voice\": {\"ring_timeout\": 30, \"max_duration\": 600}}");
        numbers(service, P1, P2);
        session = session(
                service,
                "{\"ttl\": 60, \"participants\": [" + participant(ALICE, P1) + ", " + participant(BOB, P2) + "]}");
    }

    private String status() {
        return JsonPath.read(getSession(service, id(session)), "$.status");
    }

    private String callStateUrl() {
        String url = JsonPath.read(call(ALICE, P1).body(), "$.sections.main[0].connect.call_state_url");
        // The call is noted a moment after it is put through, with the sessions it went through.
        await().until(() -> "in-progress".equals(status()));
        return URI.create(url).getRawPath();
    }

    private void report(String path, String state) {
        String body = """
                {"event_type": "calling.call.state", "event_channel": "swml:abc", "timestamp": 1640000000.123,
                 "project_id": "p", "space_id": "s",
                 "params": {"call_id": "0c2a6f1e-5d4b-4c3a-8b2e-1f0e9d8c7b6a", "node_id": "n", "call_state": "%s",
                            "direction": "outbound", "end_reason": %s}}
                """.formatted(state, state.equals("ended") ? "\"hangup\"" : "null");
        assertThat(http.postJson(path, body).status()).isEqualTo(204);
    }

    @Test
    void aSessionOutlivesItsLifetimeWhileACallIsGoingOnAndExpiresWhenItEnds() {
        String call = callStateUrl();
        report(call, "answered");

        clock.advance(Duration.ofMinutes(5));
        sessions.sweepExpired();

        assertThat(status()).isEqualTo("in-progress");
        assertThat(call(BOB, P2).body()).contains("\"connect\"");

        report(call, "ended");

        String closed = getSession(service, id(session));
        assertThat((String) JsonPath.read(closed, "$.status")).isEqualTo("closed");
        assertThat((String) JsonPath.read(closed, "$.closed_reason")).isEqualTo("expired");
        assertRefused(http.postJson("/calls/route", callBody(BOB, P2)));
        assertThat(sessions.sweepExpired()).isEqualTo(1);
    }

    @Test
    void neitherATextNorANewLifetimeDuringTheCallBringsTheEndBeforeTheHold() {
        String call = callStateUrl();
        report(call, "answered");
        String before = JsonPath.read(getSession(service, id(session)), "$.expires_at");

        clock.advance(Duration.ofMinutes(2));
        text(ALICE, P1, "Still on the phone with you");
        await().until(() -> !JsonPath.<String>read(getSession(service, id(session)), "$.last_interaction_at")
                .equals(JsonPath.<String>read(getSession(service, id(session)), "$.created_at")));
        assertThat(patch("/api/v1/services/" + service + "/sessions/" + id(session), "{\"ttl\": 30}")
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(3));

        assertThat(sessions.sweepExpired()).isZero();
        assertThat(status()).isEqualTo("in-progress");
        assertThat((String) JsonPath.read(getSession(service, id(session)), "$.expires_at"))
                .isEqualTo(before);
    }

    @Test
    void aCallThatEndsWithinTheLifetimeLeavesTheLifetimeAsItWas() {
        String call = callStateUrl();
        report(call, "answered");
        clock.advance(Duration.ofSeconds(20));
        report(call, "ended");

        clock.advance(Duration.ofSeconds(30));
        assertThat(status()).isEqualTo("in-progress");
        clock.advance(Duration.ofSeconds(11));
        assertThat(status()).isEqualTo("closed");
        assertThat(sessions.sweepExpired()).isEqualTo(1);
    }

    @Test
    void aCallWhoseEndIsNeverReportedHoldsTheSessionNoLongerThanItCouldLast() {
        String call = callStateUrl();
        report(call, "answered");

        clock.advance(Duration.ofSeconds(30 + 600 - 1));
        assertThat(sessions.sweepExpired()).isZero();
        assertThat(status()).isEqualTo("in-progress");

        clock.advance(Duration.ofSeconds(2));
        assertThat(sessions.sweepExpired()).isEqualTo(1);
        assertThat(status()).isEqualTo("closed");
    }
}
