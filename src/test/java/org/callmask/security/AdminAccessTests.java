package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** With no API key set, the admin API answers only local requests that came through no proxy. */
class AdminAccessTests extends IntegrationTest {

    @Test
    void answersALocalDirectRequest() {
        assertThat(http.get("/api/rest/numberPool").status()).isEqualTo(200);
    }

    @Test
    void refusesARequestThatCameThroughAProxyOrTunnel() {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"}) {
            Response refused = http.send(http.request("/api/rest/numberPool")
                    .header(header, "203.0.113.7")
                    .GET());
            assertThat(refused.status()).as(header).isEqualTo(401);
            assertThat(refused.headers().get("www-authenticate")).as(header).isNotEmpty();
            assertThat(refused.body()).contains("CALLMASK_API_KEYS");
        }
        Response post = http.send(http.request("/api/rest/numberPool")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"phone_numbers\":\"+15551231111\"}")));
        assertThat(post.status()).isEqualTo(401);
        assertThat(http.get("/api/rest/numberPool").body()).isEqualTo("[]");
    }

    @Test
    void keepsHealthOpenButOtherActuatorEndpointsUnderTheAdminRule() {
        assertThat(http.send(http.request("/actuator/health")
                                .header("X-Forwarded-For", "203.0.113.7")
                                .GET())
                        .status())
                .isEqualTo(200);
        assertThat(http.send(http.request("/actuator/info")
                                .header("X-Forwarded-For", "203.0.113.7")
                                .GET())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void warnsInTheHealthDetailsThatSignaturesAreNotChecked() {
        assertThat(http.get("/actuator/health").body())
                .contains("\"checked\":false", "CALLMASK_SIGNALWIRE_SIGNING_KEY");
    }

    @Test
    void leavesTheWebhooksOpenForTheLocalTour() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");

        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .contains("connect");
    }
}
