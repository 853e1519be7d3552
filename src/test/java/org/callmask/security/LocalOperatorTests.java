package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While no API key is set, the admin API answers only a caller on this machine that names a
 * loopback host and came through no proxy: not a tunnel, not a reverse proxy, not a web page that
 * rebinds its own domain name to 127.0.0.1.
 */
class LocalOperatorTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "localhost:PORT",
                "127.0.0.1",
                "127.0.0.1:PORT",
                "127.1.2.3:PORT",
                "[::1]",
                "[::1]:PORT",
                "LOCALHOST:PORT"
            })
    void answersALoopbackHost(String host) {
        Response answer =
                new RawHttp(port).get("/api/rest/numberPool", Map.of("Host", host.replace("PORT", "" + port)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attacker.example",
                "attacker.example:PORT",
                "127.0.0.1.nip.io:PORT",
                "localhost.attacker.example",
                "localhost:PORT.attacker.example",
                "127.0.0.256:PORT",
                "[::2]:PORT",
                "[::1]x",
                "0.0.0.0:PORT",
                "10.0.0.1:PORT",
                ""
            })
    void refusesAnyOtherHost(String host) {
        Response answer =
                new RawHttp(port).get("/api/rest/numberPool", Map.of("Host", host.replace("PORT", "" + port)));

        assertRefused(answer);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Forwarded",
                "X-Forwarded-For",
                "X-Forwarded-Host",
                "X-Forwarded-Proto",
                "X-Forwarded-Port",
                "X-Forwarded-Prefix",
                "X-Real-IP",
                "Via",
                "CF-Connecting-IP",
                "True-Client-IP",
                "X-Client-IP",
                "Fly-Client-IP",
                "x-forwarded-for",
                "X-Forwarded",
                "X-Original-Forwarded-For",
                "X-Original-Host",
                "X-Cluster-Client-IP",
                "Client-IP",
                "X-Envoy-External-Address",
                "X-Azure-ClientIP",
                "Fastly-Client-IP",
                "CDN-Loop",
                "Tailscale-User-Login",
                "X-Amzn-Trace-Id"
            })
    void refusesARequestThatCameThroughAProxy(String header) {
        Response answer = new RawHttp(port).get("/api/rest/numberPool", Map.of(header, "203.0.113.7"));

        assertRefused(answer);
    }

    private static void assertRefused(Response answer) {
        assertThat(answer.status()).isIn(400, 401);
        if (answer.status() == 401) {
            assertThat(answer.body()).contains("CALLMASK_API_KEYS");
            assertThat(answer.headers().get("www-authenticate")).contains("Bearer", "Basic");
        }
    }

    @Test
    void refusesAnHttp10RequestAsNginxSendsByDefaultWithTheUpstreamAsHost() {
        Response answer = new RawHttp(port)
                .exchange(("GET /api/rest/numberPool HTTP/1.0\r\nHost: 127.0.0.1:" + port
                                + "\r\nConnection: close\r\nUser-Agent: curl/8.0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(answer);
    }
}
