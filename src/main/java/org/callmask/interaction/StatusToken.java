package org.callmask.interaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.callmask.core.PublicId;
import org.callmask.core.Sha256;

/**
 * The secret in an interaction's status-callback URL, as 64 hex digits: the interaction's id and 128
 * random bits (a started call's connect token: 256 random bits). Whoever holds it may report that
 * interaction's status, so the database keeps only its SHA-256: a copy of the database cannot forge
 * callbacks.
 */
final class StatusToken {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    private StatusToken() {}

    /** A token that stands alone, named by nothing else: the connect token of a started call. */
    static String random() {
        return PublicId.randomHex(32);
    }

    /**
     * The status token of interaction {@code id}: the 32 hex digits of its id, then 128 random
     * bits. The record is found by its id (no index of random hashes to keep up on every insert)
     * and the token then checked against the stored hash.
     */
    static String of(InteractionId id) {
        return id.value().substring(InteractionId.PREFIX.length() + 1) + PublicId.randomHex(16);
    }

    /** The interaction a status token names; only its hash says whether the token is right. */
    static InteractionId idOf(String token) {
        return new InteractionId(InteractionId.PREFIX + "_" + token.substring(0, 32));
    }

    /** Whether the stored hash is that of this token, in time that does not depend on where they differ. */
    static boolean matches(String storedHash, String tokenHash) {
        return storedHash != null
                && MessageDigest.isEqual(
                        storedHash.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean looksLikeOne(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    static String hash(String token) {
        return HEX.formatHex(Sha256.of(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
