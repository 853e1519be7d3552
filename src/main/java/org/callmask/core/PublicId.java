package org.callmask.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shape every resource id shares: a type prefix, an underscore and 32 lowercase hex digits
 * from a secure random source ({@code ses_3f2a…}). Random rather than sequential, so an id tells
 * nothing about how many others exist and cannot be guessed from a neighbour. Records written by the
 * thousand, whose creation time is theirs to show anyway, may lead with that time instead ({@link
 * #nextInTimeOrder}), and keep 80 random bits.
 */
public final class PublicId {

    // One generator per thread: a shared SecureRandom (NativePRNG) serializes every webhook on
    // two monitors, and a lock holder descheduled on a busy machine stalls them all.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PublicId::newRandom);
    private static final HexFormat HEX = HexFormat.of();

    private PublicId() {}

    /** A new id with {@code prefix}, such as {@code "ses"}. */
    public static String next(String prefix) {
        return prefix + '_' + randomHex(16);
    }

    /**
     * A new id with {@code prefix} whose first 12 hex digits are the time in milliseconds: ids made
     * later sort later, so an index of them grows at its end instead of at random pages. The other
     * 20 digits (80 bits) are random, so the id still cannot be guessed.
     */
    public static String nextInTimeOrder(String prefix, long epochMillis) {
        return prefix + '_' + HEX.toHexDigits(epochMillis).substring(4) + randomHex(10);
    }

    /** {@code bytes} random bytes from this thread's generator, as lowercase hex. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.get().nextBytes(random);
        return HEX.formatHex(random);
    }

    /** A DRBG of this thread's own, seeded from the system's entropy source. */
    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** Whether {@code text} is an id with {@code prefix}. */
    public static boolean isValid(String prefix, String text) {
        // A loop, not a pattern: every id read back from the database is checked, a few per routed
        // call and a hundred per session opened, and a matcher costs several times as much.
        int digits = prefix.length() + 1;
        if (text == null
                || text.length() != digits + 32
                || !text.startsWith(prefix)
                || text.charAt(prefix.length()) != '_') {
            return false;
        }
        for (int i = digits; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks an id's shape.
     *
     * @throws IllegalArgumentException when {@code text} is not an id with {@code prefix}
     */
    public static String require(String prefix, String text) {
        if (!isValid(prefix, text)) {
            throw new IllegalArgumentException("not a " + prefix + "_ id");
        }
        return text;
    }
}
