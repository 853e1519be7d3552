package org.callmask.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a list ordered by creation time and id, as an opaque page token. Keyset paging:
 * a page never repeats or skips an item when others are added meanwhile, and reading page 1,000
 * costs what reading page 1 does.
 *
 * @param createdAt epoch milliseconds of the last item of the previous page
 * @param id its id, which breaks ties between items created in the same millisecond
 */
public record Cursor(long createdAt, String id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String token() {
        return ENCODER.encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token this class wrote.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Cursor parse(String token) {
        try {
            String text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon < 1 || colon == text.length() - 1 || text.length() > 100) {
                throw new IllegalArgumentException("not a page token");
            }
            String id = text.substring(colon + 1);
            if (!id.chars().allMatch(c -> c == '_' || c == '+' || Character.isLetterOrDigit(c) && c < 128)) {
                throw new IllegalArgumentException("not a page token");
            }
            return new Cursor(Long.parseLong(text.substring(0, colon)), id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page token", e);
        }
    }
}
