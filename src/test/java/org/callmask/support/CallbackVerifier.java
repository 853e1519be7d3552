package org.callmask.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the README tells a platform to do with the {@code CallMask-Signature} header, written out as
 * a receiver would, so tests verify deliveries exactly as a platform does.
 */
public final class CallbackVerifier {

    private CallbackVerifier() {}

    public static boolean verified(String header, byte[] body, String secret, long nowSeconds) {
        try {
            long t = -1;
            List<String> signatures = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[0].equals("t")) {
                    t = Long.parseLong(kv[1]);
                }
                if (kv.length == 2 && kv[0].equals("v1")) {
                    signatures.add(kv[1]);
                }
            }
            if (Math.abs(nowSeconds - t) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
            for (String s : signatures) {
                if (MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
