package org.callmask.api.v1;

import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;

/** Reads {@code page_size} and {@code page_token}, the same way for every list. */
final class Paging {

    private Paging() {}

    static PageRequest of(String pageSize, String pageToken) {
        int size = PageRequest.DEFAULT_SIZE;
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize.strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("page_size", "must be a whole number between 1 and " + PageRequest.MAX_SIZE);
            }
            if (size < 1 || size > PageRequest.MAX_SIZE) {
                throw InvalidInput.of("page_size", "must be between 1 and " + PageRequest.MAX_SIZE);
            }
        }
        Optional<Cursor> after = Optional.empty();
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                after = Optional.of(Cursor.parse(pageToken));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("page_token", "is not a token this API gave");
            }
        }
        return new PageRequest(size, after);
    }
}
