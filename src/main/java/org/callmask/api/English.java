package org.callmask.api;

import java.util.List;

/** Lists in messages read as a person would write them: {@code a, b and c}. */
final class English {

    private English() {}

    static String and(List<String> items) {
        return joined(items, " and ");
    }

    static String or(List<String> items) {
        return joined(items, " or ");
    }

    private static String joined(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
