package org.callmask.pool;

import java.util.Optional;

/**
 * Changes to a pool number; an empty field keeps the current value.
 *
 * @param capacity the new capacity, where an inner empty means no limit
 */
public record NumberChanges(Optional<Boolean> reserved, Optional<Optional<Integer>> capacity) {

    public NumberChanges {
        if (capacity.isPresent() && capacity.get().isPresent() && capacity.get().get() < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
    }
}
