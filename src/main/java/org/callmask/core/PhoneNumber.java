package org.callmask.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form, for example {@code +14155550123}.
 *
 * <p>Any country is accepted. The number must be <em>possible</em> for its country (right country
 * code and length) rather than assigned: pool numbers in test ranges such as {@code +1555…} must
 * keep working, and whether a number is really in service is the carrier's business.
 *
 * <pre>{@code
 * PhoneNumber n = PhoneNumber.parse(" +14155550123 ");
 * n.e164();      // "+14155550123"
 * n.redacted();  // "+1415•••0123"
 * }</pre>
 */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    // Six digits or more, written together or apart by the separators people type in numbers
    // (dashes, dots, spaces, brackets), as is or percent-encoded.
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(\\+|%2[bB])?[0-9](?:(?:[-. ()]|%20|%28|%29|%2[dD])*[0-9]){5,}");

    /**
     * A number read back from where this service stored it, checked by {@link #parse} on its way
     * in: only its shape is checked again. Reading a number from storage must not cost a
     * libphonenumber parse; a session creation reads a hundred of them.
     *
     * @throws InvalidPhoneNumber when the text is not shaped as an E.164 number
     */
    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!hasE164Shape(e164)) {
            throw new InvalidPhoneNumber(printable(e164), "expected + followed by 2 to 15 digits");
        }
    }

    /**
     * A plus, a first digit other than zero, then 1 to 14 more, in ASCII digits only: the seed
     * stored Arabic-Indic digits and trailing newlines verbatim. A loop rather than a pattern,
     * since every number read back from the database is checked.
     */
    private static boolean hasE164Shape(String text) {
        int length = text.length();
        if (length < 3 || length > 16 || text.charAt(0) != '+' || text.charAt(1) < '1' || text.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a number as a client sent it: white space around it is ignored, nothing else is
     * rewritten. Every number from outside comes in here.
     *
     * @throws InvalidPhoneNumber when the text is not an E.164 number possible for its country
     */
    public static PhoneNumber parse(String text) {
        if (text == null) {
            throw new InvalidPhoneNumber("null", null);
        }
        PhoneNumber number = new PhoneNumber(text.strip());
        String reason = impossibilityReason(number.e164());
        if (reason != null) {
            throw new InvalidPhoneNumber(number.e164(), reason);
        }
        return number;
    }

    /**
     * The text as a number when it is written exactly as this service stores numbers (no white
     * space, nothing but E.164), without asking libphonenumber whether its country could have it;
     * {@code null} otherwise. Only for looking up numbers that were stored: one found under it
     * passed {@link #parse} when it was stored, and a miss must be parsed before it is used.
     */
    public static PhoneNumber asStoredOrNull(String text) {
        return text != null && hasE164Shape(text) ? new PhoneNumber(text) : null;
    }

    /** Like {@link #parse}, but answers {@code null} instead of throwing. */
    public static PhoneNumber parseOrNull(String text) {
        try {
            return text == null ? null : parse(text);
        } catch (InvalidPhoneNumber e) {
            return null;
        }
    }

    /** The ISO 3166 region of the number, such as {@code US} or {@code GB}; {@code ZZ} if unknown. */
    public String region() {
        try {
            var parsed = UTIL.parse(e164, null);
            String region = UTIL.getRegionCodeForNumber(parsed);
            // Numbers outside any assigned range (test and drama ranges) still have a country.
            return region != null ? region : UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /**
     * The area code of a number in the North American Numbering Plan ({@code +1}): the three
     * digits after the country code. Other plans have no fixed-length area code, so they have none.
     */
    public Optional<String> nanpAreaCode() {
        return e164.startsWith("+1") && e164.length() == 12 ? Optional.of(e164.substring(2, 5)) : Optional.empty();
    }

    /**
     * The number as it may appear in logs: the country and area prefix and the last digits, the
     * middle hidden, for example {@code +1415•••0123}.
     */
    public String redacted() {
        return redact(e164);
    }

    /** Redacts any text that might hold a phone number, for logging input that failed to parse. */
    public static String redact(String text) {
        if (text == null) {
            return "null";
        }
        int length = text.length();
        if (length <= 6) {
            return "•••";
        }
        int head = Math.min(5, length - 7);
        int tail = length >= 11 ? 4 : 2;
        return text.substring(0, Math.max(head, 1)) + "•••" + text.substring(length - tail);
    }

    /**
     * Redacts every run of six or more digits (with an optional leading {@code +}, and the
     * separators people type between them) in a text such as a request path, which may hold
     * whatever a caller put there.
     */
    public static String redactAll(String text) {
        if (text == null) {
            return "null";
        }
        return DIGIT_RUN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(redact(match.group())));
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }

    private static String impossibilityReason(String e164) {
        try {
            var parsed = UTIL.parse(e164, null);
            ValidationResult result = UTIL.isPossibleNumberWithReason(parsed);
            switch (result) {
                case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY:
                    break;
                case INVALID_COUNTRY_CODE:
                    return "unknown country code";
                case TOO_SHORT, INVALID_LENGTH:
                    return "wrong length for its country";
                case TOO_LONG:
                    return "too long for its country";
            }
            if (result == ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
                return "not dialable from abroad";
            }
            return UTIL.format(parsed, PhoneNumberFormat.E164).equals(e164) ? null : "not in canonical E.164 form";
        } catch (NumberParseException e) {
            return "unknown country code";
        }
    }

    // Control characters and line breaks in an echoed error would let a client forge log or
    // response lines; show them escaped instead.
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 40));
        text.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.length() > 40) {
            out.append('…');
        }
        return out.toString();
    }
}
