package org.callmask.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses request fields the API does not know. The seed ignored them, so a typo such as
 * {@code ttl} for {@code ttl_seconds} silently gave a mask of the default lifetime.
 */
final class UnknownFields {

    // A body may hold thousands of fields; the answer should stay readable.
    private static final int MAX_NAMED = 10;
    private static final int MAX_NAME_LENGTH = 40;
    // Longer names are no slip of the keyboard, and comparing them would cost time and memory.
    private static final int MAX_COMPARED_LENGTH = 64;

    private UnknownFields() {}

    /**
     * @param sent the field names of the body, in the order sent
     * @param known the fields the route reads, in the order the documentation lists them
     */
    static void refuseAnyOf(Collection<String> sent, List<String> known) {
        List<String> unknown =
                sent.stream().filter(name -> !known.contains(name)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        // Suggesting a field the body already has would only confuse.
        List<String> absent =
                known.stream().filter(name -> !sent.contains(name)).toList();
        throw new InvalidRequest(message(unknown, absent, known));
    }

    private static String message(List<String> unknown, List<String> absent, List<String> known) {
        if (unknown.size() == 1) {
            String name = unknown.get(0);
            return closest(name, absent)
                    .map(suggestion -> "Unknown field " + quoted(name) + "; did you mean " + suggestion + "?")
                    .orElseGet(() -> "Unknown field " + quoted(name) + "; " + knownFields(known));
        }
        List<String> described = new ArrayList<>();
        boolean allSuggested = true;
        for (String name : unknown.subList(0, Math.min(unknown.size(), MAX_NAMED))) {
            Optional<String> suggestion = closest(name, absent);
            allSuggested &= suggestion.isPresent();
            described.add(quoted(name)
                    + suggestion.map(s -> " (did you mean " + s + "?)").orElse(""));
        }
        if (unknown.size() > MAX_NAMED) {
            allSuggested = false;
            described.add((unknown.size() - MAX_NAMED) + " more");
        }
        return "Unknown fields " + English.and(described) + (allSuggested ? "" : "; " + knownFields(known));
    }

    private static String knownFields(List<String> known) {
        return known.size() == 1 ? "the only field is " + known.get(0) : "the fields are " + English.and(known);
    }

    /**
     * The known field the name most likely meant: the same apart from case and separators, one a
     * prefix of the other ({@code ttl}), or a few typing slips away.
     */
    private static Optional<String> closest(String name, List<String> candidates) {
        String sent = normalized(name);
        if (sent.isEmpty() || sent.length() > MAX_COMPARED_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String known = normalized(candidate);
            int distance = distance(sent, known);
            boolean prefix = (sent.length() >= 3 && known.startsWith(sent)) || sent.startsWith(known);
            boolean close = prefix || distance <= Math.max(1, known.length() / 3);
            if (close && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalized(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Edit distance counting a swap of two neighbours as one slip, as in {@code clinet}. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    // The name is whatever the client sent: quoted so spaces show, escaped so it cannot break
    // the answer into lines, and cut short.
    private static String quoted(String name) {
        StringBuilder out = new StringBuilder("\"");
        int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < Math.min(codePoints.length, MAX_NAME_LENGTH); i++) {
            int cp = codePoints[i];
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (codePoints.length > MAX_NAME_LENGTH) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
