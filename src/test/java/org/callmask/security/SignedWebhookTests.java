package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
        properties = {
            "callmask.signalwire.signing-key=PSK_7TruNcSNTxp4zNrykMj4EPzF",
            "callmask.public-url=https://abc.ngrok.app"
        })
class SignedWebhookTests extends IntegrationTest {

    private static final String KEY = "PSK_7TruNcSNTxp4zNrykMj4EPzF";
    private static final String PUBLIC = "https://abc.ngrok.app";

    private final Signer signer = new Signer(KEY);

    @BeforeEach
    void aMask() {
        aMaskBetweenClientAndContractor();
    }

    @Test
    void routesACallSignedWithSha1() {
        String body = callBody(CLIENT, PROXY);

        Response answer =
                call("/calls/route", body, "X-SignalWire-Signature", signer.json(PUBLIC + "/calls/route", body));

        Golden.assertMatches("connect-client-to-contractor.json", answer.body());
    }

    @Test
    void routesACallSignedWithSha256AndReadsHeaderNamesInAnyCase() {
        String body = callBody(CLIENT, PROXY);

        Response answer = call(
                "/calls/route",
                body,
                "x-signalwire-sha256-signature",
                signer.jsonSha256(PUBLIC + "/calls/route", body));

        Golden.assertMatches("connect-client-to-contractor.json", answer.body());
    }

    @Test
    void acceptsASignatureOverTheUrlWithItsStandardPort() {
        String body = callBody(CLIENT, PROXY);

        Response answer =
                call("/calls/route", body, "X-SignalWire-Signature", signer.json(PUBLIC + ":443/calls/route", body));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void forwardsATextSignedLikeALamlWebhook() {
        Map<String, String> form =
                fields("From", CLIENT, "To", PROXY, "Body", "On my way", "MessageSid", "0a05", "NumMedia", "0");

        Response answer = text(
                "/texts/route?source=sw",
                form,
                "X-SignalWire-Signature",
                signer.form(PUBLIC + "/texts/route?source=sw", form));

        Golden.assertMatches("forward-client-to-contractor.xml", answer.body());
        assertThat(text("/texts/route", form, "X-Twilio-Signature", signer.form(PUBLIC + "/texts/route", form))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesUnsignedWebhooksWith403AndAnEmptyBody() {
        Response call = http.postJson("/calls/route", callBody(CONTRACTOR, PROXY));
        Response message = http.postForm("/texts/route", fields("From", CONTRACTOR, "To", PROXY, "Body", "hi"));

        for (Response refused : new Response[] {call, message}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEmpty();
        }
    }

    @Test
    void refusesACallWhenOneByteOfUrlBodyOrKeyChanges() {
        String body = callBody(CONTRACTOR, PROXY);
        String url = PUBLIC + "/calls/route";

        assertThat(call("/calls/route", body, "X-SignalWire-Signature", signer.json(url + "x", body))
                        .status())
                .isEqualTo(403);
        assertThat(call(
                                "/calls/route",
                                body,
                                "X-SignalWire-Signature",
                                signer.json("https://abd.ngrok.app/calls/route", body))
                        .status())
                .isEqualTo(403);
        String tampered = body.replace(CONTRACTOR, "+15558001235");
        assertThat(call("/calls/route", tampered, "X-SignalWire-Signature", signer.json(url, body))
                        .status())
                .isEqualTo(403);
        assertThat(call("/calls/route", body, "X-SignalWire-Signature", new Signer(KEY + "x").json(url, body))
                        .status())
                .isEqualTo(403);
        assertThat(call("/calls/route", body, "X-SignalWire-Signature", signer.json(url, body))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesATextWhenAFieldOrTheQueryChanges() {
        Map<String, String> form = fields("From", CONTRACTOR, "To", PROXY, "Body", "hi");
        String signature = signer.form(PUBLIC + "/texts/route", form);

        Map<String, String> forged = fields("From", CONTRACTOR, "To", PROXY, "Body", "hj");
        assertThat(text("/texts/route", forged, "X-SignalWire-Signature", signature)
                        .status())
                .isEqualTo(403);
        assertThat(text("/texts/route?x=1", form, "X-SignalWire-Signature", signature)
                        .status())
                .isEqualTo(403);
        assertThat(text("/texts/route", form, "X-SignalWire-Signature", signature)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void checksTheBodyHashOfJsonSentToTheLamlSurface() throws Exception {
        String body = "{\"From\":\"" + CLIENT + "\"}";
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        String path = "/texts/route?bodySHA256=" + hash;
        String signature = signer.form(PUBLIC + path, Map.of());

        Response signed = http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header("X-SignalWire-Signature", signature)
                .POST(BodyPublishers.ofString(body)));
        Response changedBody = http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header("X-SignalWire-Signature", signature)
                .POST(BodyPublishers.ofString(body.replace("+1", "+4"))));

        assertThat(signed.status()).isEqualTo(200);
        Golden.assertMatches("empty.xml", signed.body());
        assertThat(changedBody.status()).isEqualTo(403);
    }

    @Test
    void leavesTheAdminApiToItsOwnRule() {
        assertThat(http.get("/api/rest/numberPool").status()).isEqualTo(200);
    }

    private Response call(String path, String body, String header, String signature) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header(header, signature)
                .POST(BodyPublishers.ofString(body)));
    }

    private Response text(String path, Map<String, String> form, String header, String signature) {
        return http.send(http.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, signature)
                .POST(BodyPublishers.ofString(HttpTestClient.form(form))));
    }
}
