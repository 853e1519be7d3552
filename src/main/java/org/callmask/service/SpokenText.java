package org.callmask.service;

/** Text the service speaks or sends on its own: one line, printable, bounded. */
final class SpokenText {

    private SpokenText() {}

    static void check(String field, String text, int max) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must be one line without control characters");
        }
    }
}
