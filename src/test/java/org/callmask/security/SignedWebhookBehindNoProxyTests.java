package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import org.callmask.support.IntegrationTest;
import org.callmask.support.Signer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Without a configured public URL the signed URL is the one the request itself arrived at. */
@TestPropertySource(properties = "callmask.signalwire.signing-key=PSKtest1234567890abcdef")
class SignedWebhookBehindNoProxyTests extends IntegrationTest {

    @Test
    void checksTheSignatureAgainstTheRequestsOwnUrlAndIgnoresForwardedHostHeaders() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");
        String body = callBody("+15559990000", "+15551231111");
        Signer signer = new Signer("PSKtest1234567890abcdef");

        var direct = http.send(http.request("/calls/route")
                .header("Content-Type", "application/json")
                .header("X-SignalWire-Signature", signer.json(http.base() + "/calls/route", body))
                .POST(BodyPublishers.ofString(body)));
        // Forwarded headers are not trusted unless server.forward-headers-strategy says so.
        var spoofed = http.send(http.request("/calls/route")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-SignalWire-Signature", signer.json("https://evil.example/calls/route", body))
                .POST(BodyPublishers.ofString(body)));

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.body()).contains("\"to\":\"+15558001234\"");
        assertThat(spoofed.status()).isEqualTo(403);
    }

    @Test
    void saysInTheHealthDetailsThatSignaturesAreChecked() {
        assertThat(http.get("/actuator/health").body()).contains("\"webhookSignatures\"", "\"checked\":true");
    }
}
