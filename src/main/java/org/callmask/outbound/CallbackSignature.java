package org.callmask.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code CallMask-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw
 * body>">}, one {@code v1} per secret in use (two while a rotated secret is in its grace period).
 * The receiver recomputes the HMAC over the raw bytes it received, compares in constant time, and
 * refuses a {@code t} too far from its own clock, which stops replays.
 */
public final class CallbackSignature {

    public static final String HEADER = "CallMask-Signature";

    private CallbackSignature() {}

    /** The header's value for {@code body} sent at {@code unixSeconds}, signed with each secret. */
    public static String header(long unixSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        StringBuilder out = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            out.append(",v1=").append(hmac(secret, unixSeconds, body));
        }
        return out.toString();
    }

    /** Lowercase hex HMAC-SHA256 of {@code "<t>.<body>"}. */
    public static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
