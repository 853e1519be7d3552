package org.callmask.interaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.callmask.core.PublicId;

/**
 * The secret in an interaction's status-callback URL: 256 random bits, as 64 hex digits. Whoever
 * holds it may report that interaction's status, so the database keeps only its SHA-256: a copy of
 * the database cannot forge callbacks.
 */
final class StatusToken {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PublicId::newRandom);
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    private StatusToken() {}

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    static boolean looksLikeOne(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    static String hash(String token) {
        try {
            return HEX.formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
