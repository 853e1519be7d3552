package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * When forwarded headers are honoured, the peer's address and the proxy headers are rewritten
 * before security sees a request, so nobody can be told to be local: with no API key the admin API
 * is closed to everyone, while health stays open.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedHeadersTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"", "X-Forwarded-For: 127.0.0.1", "Forwarded: for=127.0.0.1", "X-Forwarded-Host: localhost"})
    void closesTheAdminApiWithoutAKey(String header) {
        Map<String, String> headers =
                header.isEmpty() ? Map.of() : Map.of(header.split(": ")[0], header.split(": ")[1]);

        Response answer = new RawHttp(port).get("/api/rest/numberPool", headers);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("forwarded headers are honoured", "CALLMASK_API_KEYS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness"})
    void keepsHealthOpen(String probe) {
        Response answer = new RawHttp(port).get(probe, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
