package org.callmask.telephony;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.callmask.core.Sha256;

/**
 * SignalWire's webhook signatures, checked against the project's Signing Key.
 *
 * <ul>
 *   <li>JSON requests (SWML): lower-case hex of HMAC-SHA1, or HMAC-SHA256, over the URL followed by
 *       the raw body.
 *   <li>Form requests (LaML): base64 of HMAC-SHA1 over the URL followed by every form field's name
 *       and value, fields sorted by name (stable, so repeated names keep their order).
 *   <li>JSON on the LaML surface: the URL carries {@code bodySHA256}, the hex SHA-256 of the body;
 *       the URL is signed as a form request with no fields, and the body must hash to it.
 * </ul>
 *
 * The platform signs URLs sometimes with and sometimes without the scheme's standard port, so
 * both are tried; other ports are kept. Every comparison takes constant time.
 */
final class WebhookSignature {

    private final byte[] key;

    WebhookSignature(String signingKey) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Scheme A with HMAC-SHA1, hex: the {@code X-SignalWire-Signature} of a JSON request. */
    boolean matchesJsonSha1(String url, byte[] rawBody, String signature) {
        return signature != null && anyUrl(url, u -> hex("HmacSHA1", u, rawBody), signature.toLowerCase(Locale.ROOT));
    }

    /** Scheme A with HMAC-SHA256, hex: the {@code X-SignalWire-SHA256-Signature} of a call request. */
    boolean matchesJsonSha256(String url, byte[] rawBody, String signature) {
        return signature != null && anyUrl(url, u -> hex("HmacSHA256", u, rawBody), signature.toLowerCase(Locale.ROOT));
    }

    /** Scheme B, base64: a form request's fields in the order received. */
    boolean matchesForm(String url, List<Map.Entry<String, String>> fields, String signature) {
        if (signature == null) {
            return false;
        }
        List<Map.Entry<String, String>> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(Map.Entry::getKey));
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> field : sorted) {
            params.append(field.getKey()).append(field.getValue());
        }
        byte[] paramBytes = params.toString().getBytes(StandardCharsets.UTF_8);
        return anyUrl(url, u -> base64(u, paramBytes), signature);
    }

    /** Scheme B over a URL with {@code bodySHA256}, and the body's hash checked against it. */
    boolean matchesBodyHash(String url, byte[] rawBody, String signature) {
        String declared = queryParameter(url, "bodySHA256");
        if (signature == null || declared == null) {
            return false;
        }
        String actual = HexFormat.of().formatHex(Sha256.of(rawBody));
        boolean bodyMatches = constantTimeEquals(actual, declared.toLowerCase(Locale.ROOT));
        boolean urlMatches = anyUrl(url, u -> base64(u, new byte[0]), signature);
        return bodyMatches & urlMatches;
    }

    static boolean hasBodyHash(String url) {
        return queryParameter(url, "bodySHA256") != null;
    }

    private interface Signer {
        String sign(String url);
    }

    private boolean anyUrl(String url, Signer signer, String signature) {
        boolean matched = false;
        for (String variant : urlVariants(url)) {
            // No early exit: the time taken does not depend on which variant matched.
            matched |= constantTimeEquals(signer.sign(variant), signature);
        }
        return matched;
    }

    /** The URL as given, and with its scheme's standard port added or removed. */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int standard = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            if (standard < 0 || uri.getRawAuthority() == null) {
                return variants;
            }
            String authority = uri.getRawAuthority();
            String prefix = url.substring(0, url.indexOf(authority));
            String rest = url.substring(url.indexOf(authority) + authority.length());
            if (uri.getPort() == -1) {
                variants.add(prefix + authority + ":" + standard + rest);
            } else if (uri.getPort() == standard) {
                variants.add(prefix + authority.substring(0, authority.lastIndexOf(':')) + rest);
            }
        } catch (URISyntaxException e) {
            // Not a URL we can vary; the signature must then match it exactly.
        }
        return variants;
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private String hex(String algorithm, String url, byte[] body) {
        Mac mac = mac(algorithm);
        mac.update(url.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private String base64(String url, byte[] params) {
        Mac mac = mac("HmacSHA1");
        mac.update(url.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(params));
    }

    private Mac mac(String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
