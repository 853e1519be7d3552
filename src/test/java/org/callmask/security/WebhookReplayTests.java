package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.callmask.support.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

/**
 * A signature that covers only a URL (taken from a GET, or a POST without a body) authorises no
 * body: replayed on a POST that carries one, of any type, it is refused before anything reads it.
 */
@TestPropertySource(
        properties = {
            "callmask.signalwire.signing-key=" + WebhookReplayTests.KEY,
            "callmask.public-url=https://abc.ngrok.app"
        })
class WebhookReplayTests extends IntegrationTest {

    static final String KEY = "PSK_7TruNcSNTxp4zNrykMj4EPzF";
    private static final String PUBLIC = "https://abc.ngrok.app";

    private final Signer signer = new Signer(KEY);

    @BeforeEach
    void aMask() {
        aMaskBetweenClientAndContractor();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "/calls/route, application/json",
        "/calls/route, application/x-www-form-urlencoded",
        "/calls/route, text/plain",
        "/calls/route, application/xml",
        "/calls/route, garbage",
        "/calls/route, +15559990000",
        "/texts/route, application/json",
        "/texts/route, application/x-www-form-urlencoded",
        "/texts/route, text/plain",
        "/texts/route, multipart/form-data; boundary=x",
        "/texts/route, garbage",
        "/texts/route, +15559990000"
    })
    void refusesAUrlOnlySignatureReplayedOnAPostWithABody(String path, String contentType) {
        String body = contentType.contains("json")
                ? callBody(CONTRACTOR, PROXY)
                : "From=%2B15558001234&To=%2B15551231111&Body=hi";
        RawHttp raw = new RawHttp(port);
        // What a GET or an empty POST carries: the SWML scheme over the URL and nothing, the LaML
        // scheme over the URL and no fields.
        String swml = signer.json(PUBLIC + path, "");
        String laml = signer.form(PUBLIC + path, Map.of());
        assertThat(raw.get(path, Map.of("X-SignalWire-Signature", swml)).status())
                .as("the captured request itself was accepted")
                .isEqualTo(200);

        for (Map<String, String> signature : new Map[] {
            Map.of("X-SignalWire-Signature", swml),
            Map.of("X-SignalWire-Signature", laml),
            Map.of("X-Twilio-Signature", laml),
            Map.of("X-SignalWire-SHA256-Signature", signer.jsonSha256(PUBLIC + path, ""))
        }) {
            Map<String, String> headers = new HashMap<>(signature);
            headers.put("Content-Type", contentType);
            Response replay = raw.send("POST", path, headers, body.getBytes());

            assertThat(replay.status())
                    .as("%s %s", signature.keySet(), contentType)
                    .isIn(403, 415);
            assertThat(replay.body()).isEmpty();
        }
    }

    @Test
    void refusesTheSwmlSchemeOnAFormBody() {
        // Hex HMAC-SHA1 over URL and raw bytes is SignalWire's scheme for JSON. Over a form it would let
        // a LaML signature, re-encoded as hex, authorise its own concatenated field string as a body.
        String form = "From=%2B15558001234&To=%2B15551231111&Body=hi";
        Response answer = new RawHttp(port)
                .send(
                        "POST",
                        "/texts/route",
                        Map.of(
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "X-SignalWire-Signature",
                                signer.json(PUBLIC + "/texts/route", form)),
                        form.getBytes());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEmpty();
    }
}
