package org.callmask.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs requests the way SignalWire does, written from its documentation, independently of the service's code. */
public final class Signer {

    private final String key;

    public Signer(String key) {
        this.key = key;
    }

    /** Hex HMAC-SHA1 of URL and raw body: {@code X-SignalWire-Signature} on a SWML fetch. */
    public String json(String url, String body) {
        return HexFormat.of().formatHex(hmac("HmacSHA1", url + body));
    }

    /** Hex HMAC-SHA256 of URL and raw body: {@code X-SignalWire-SHA256-Signature}. */
    public String jsonSha256(String url, String body) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", url + body));
    }

    /** Base64 HMAC-SHA1 of URL and the fields sorted by name: a LaML webhook's signature. */
    public String form(String url, Map<String, String> fields) {
        String params = fields.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + e.getValue())
                .collect(Collectors.joining());
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", url + params));
    }

    private byte[] hmac(String algorithm, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
