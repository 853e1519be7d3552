package org.callmask.telephony;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhook requests are authenticated.
 *
 * @param publicUrl the address SignalWire calls this service at, such as
 *     {@code https://abc.ngrok.app}: signatures cover the URL SignalWire used, which a proxy or
 *     tunnel in front changes. Without it the URL is rebuilt from the request (honouring
 *     {@code X-Forwarded-*} only where {@code server.forward-headers-strategy} says to trust them)
 * @param signalwire the SignalWire project's settings
 */
@ConfigurationProperties("callmask")
public record WebhookSecurityProperties(URI publicUrl, SignalWire signalwire) {

    public WebhookSecurityProperties {
        if (publicUrl != null) {
            String scheme = publicUrl.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || publicUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        "callmask.public-url must be an http(s) URL such as https://abc.ngrok.app, was " + publicUrl);
            }
            if (publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("callmask.public-url must not have a query or fragment");
            }
        }
        signalwire = signalwire == null ? new SignalWire(null) : signalwire;
    }

    /**
     * @param signingKey the project's Signing Key (Dashboard, API Credentials), {@code PSK_…}; from
     *     the environment ({@code CALLMASK_SIGNALWIRE_SIGNING_KEY}) or a secrets file, never from
     *     a committed file
     */
    public record SignalWire(String signingKey) {

        public SignalWire {
            signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.strip();
        }

        @Override
        public String toString() {
            return "SignalWire[signingKey=" + (signingKey == null ? "unset" : "set") + "]";
        }
    }

    boolean checksSignatures() {
        return signalwire.signingKey() != null;
    }
}
