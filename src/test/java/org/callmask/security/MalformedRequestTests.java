package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests broken before any handler could read them get a short 4xx, never a 500, and leave no
 * trace of what they carried in the logs.
 */
@TestPropertySource(
        properties = {
            "callmask.signalwire.signing-key=PSK_7TruNcSNTxp4zNrykMj4EPzF",
            "callmask.public-url=https://abc.ngrok.app"
        })
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests extends IntegrationTest {

    private static final String SECRET_NUMBER = "+15557654321";

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "+15557654321", "application/", "/json", "text/plain; charset=\"", ";;"})
    void refusesAWebhookWithAMalformedContentTypeWithout500(String contentType, CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        for (String path : new String[] {"/calls/route", "/texts/route"}) {
            Response answer = raw.send(
                    "POST",
                    path,
                    Map.of("Content-Type", contentType, "X-SignalWire-Signature", "c2lnbmF0dXJl"),
                    ("From=" + SECRET_NUMBER).getBytes(StandardCharsets.UTF_8));

            assertThat(answer.status()).as(path).isIn(400, 403, 415);
        }
        assertThat(output.getAll()).doesNotContain(SECRET_NUMBER, SECRET_NUMBER.substring(1), "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "+15557654321", "application/json; charset=nonsense", "application/"})
    void refusesAnAdminRequestWithAMalformedContentTypeWithout500(String contentType, CapturedOutput output) {
        Response answer = new RawHttp(port)
                .send(
                        "POST",
                        "/api/rest/numberPool",
                        Map.of("Content-Type", contentType),
                        ("{\"phone_numbers\":\"" + SECRET_NUMBER + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain(SECRET_NUMBER);
        assertThat(output.getAll()).doesNotContain(SECRET_NUMBER, SECRET_NUMBER.substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "+15557654321", "*/", "application/json;q=x"})
    void refusesAMalformedAcceptWithout500(String accept, CapturedOutput output) {
        Response answer = new RawHttp(port).get("/api/rest/numberPool", Map.of("Accept", accept));

        assertThat(answer.status()).isLessThan(500);
        assertThat(output.getAll()).doesNotContain(SECRET_NUMBER.substring(1));
    }

    @Test
    void refusesATraversalBelowHealthWith400() {
        Response answer = new RawHttp(port).get("/actuator/health/x/../y", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("Bad request.");
    }

    @Test
    void keepsAMalformedRequestLineOutOfTheLogs(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        for (String line : new String[] {
            "GET /api/rest/numberMask/" + SECRET_NUMBER + " 0000 HTTP/1.1",
            "GET /api/rest/numberMask/" + SECRET_NUMBER + "\u0001 HTTP/1.1",
            "GET /api/rest/numberMask/" + SECRET_NUMBER + "{} HTTP/1.1",
            SECRET_NUMBER + " / HTTP/1.1"
        }) {
            Response answer = raw.exchange(
                    (line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(answer.status()).as(line).isEqualTo(400);
        }
        assertThat(output.getAll()).doesNotContain(SECRET_NUMBER.substring(1));
    }

    @Test
    void keepsAnAdminsMistypedPathOutOfTheLogs(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        for (String path :
                new String[] {"/api/rest/numberMask/" + SECRET_NUMBER + "/x", "/api/rest/numberMasks/" + SECRET_NUMBER
                }) {
            Response answer = raw.get(path, Map.of());

            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        assertThat(output.getAll()).doesNotContain(SECRET_NUMBER.substring(1));
    }

    @Test
    void answersAnUndecodableQueryWith400AndNoErrorLine(CapturedOutput output) {
        Response answer = new RawHttp(port).get("/actuator/health?a=%zz", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void answersABodyCutShortWith400AndNoErrorLine(CapturedOutput output) {
        byte[] cutShort = ("POST /api/rest/numberPool HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"phone_")
                .getBytes(StandardCharsets.ISO_8859_1);

        Response answer = new RawHttp(port).exchange(cutShort, true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }
}
