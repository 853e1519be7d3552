package org.callmask.core;

import java.util.Optional;

/**
 * Which page of a list to read.
 *
 * @param size how many items, 1 to {@link #MAX_SIZE}
 * @param after where the previous page ended; empty for the first page
 */
public record PageRequest(int size, Optional<Cursor> after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The limit to fetch rows with: one more than the page, to know whether another follows. */
    public int fetchLimit() {
        return size + 1;
    }
}
