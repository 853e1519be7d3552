package org.callmask.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, and the token that fetches the next one, if there is more.
 *
 * @param next opaque; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    /**
     * The page from rows fetched with {@code size + 1} as the limit: the extra row only says that
     * another page exists, and the last row kept is where it starts.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.size()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> kept = rows.subList(0, request.size());
        return new Page<>(
                kept, Optional.of(cursorOf.apply(kept.get(kept.size() - 1)).token()));
    }
}
