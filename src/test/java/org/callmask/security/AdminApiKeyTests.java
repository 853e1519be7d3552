package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "callmask.api.keys=first-key-0123456789, second-key-0123456789")
class AdminApiKeyTests extends IntegrationTest {

    @Test
    void refusesARequestWithoutAKeyEvenFromThisMachine() {
        Response refused = http.get("/api/rest/numberPool");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().get("www-authenticate"))
                .anyMatch(h -> h.startsWith("Bearer"))
                .anyMatch(h -> h.startsWith("Basic"));
    }

    @Test
    void acceptsAnyConfiguredKeyAsBearerToken() {
        assertThat(withAuthorization("Bearer first-key-0123456789").status()).isEqualTo(200);
        assertThat(withAuthorization("bearer second-key-0123456789").status()).isEqualTo(200);
    }

    @Test
    void acceptsAKeyAsTheBasicAuthPasswordWithAnyUser() {
        String basic = Base64.getEncoder().encodeToString("ops:second-key-0123456789".getBytes(StandardCharsets.UTF_8));

        assertThat(withAuthorization("Basic " + basic).status()).isEqualTo(200);
    }

    @Test
    void refusesWrongKeysAndMalformedHeaders() {
        for (String authorization : new String[] {
            "Bearer first-key-012345678",
            "Bearer first-key-0123456789x",
            "Bearer ",
            "Basic !!!",
            "Basic " + Base64.getEncoder().encodeToString("first-key-0123456789".getBytes(StandardCharsets.UTF_8)),
            "Token first-key-0123456789",
            "first-key-0123456789"
        }) {
            assertThat(withAuthorization(authorization).status())
                    .as(authorization)
                    .isEqualTo(401);
        }
    }

    @Test
    void keepsHealthOpenAndWebhooksOutsideTheAdminRule() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/info").status()).isEqualTo(401);
        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .status())
                .isEqualTo(200);
    }

    private Response withAuthorization(String authorization) {
        return http.send(http.request("/api/rest/numberPool")
                .header("Authorization", authorization)
                .GET());
    }
}
