package org.callmask.pool;

import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;

/** A number to add to a pool, with what it can do and how it may be used. */
public record NewPoolNumber(
        PhoneNumber number, Set<Capability> capabilities, boolean reserved, Optional<Integer> capacity) {

    public NewPoolNumber {
        capabilities = Set.copyOf(capabilities);
        if (capacity.isPresent() && capacity.get() < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
    }

    /** A number that can do everything, unreserved and unlimited: what the seed API adds. */
    public static NewPoolNumber plain(PhoneNumber number) {
        return new NewPoolNumber(number, Capability.ALL, false, Optional.empty());
    }
}
