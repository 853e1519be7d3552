package org.callmask.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import tools.jackson.databind.JsonNode;

/** Reads fields of a JSON request body, with errors that name the field and what was wrong. */
final class JsonFields {

    // Longer values are not echoed whole: a number can be as long as the body.
    private static final int MAX_ECHOED = 40;

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /**
     * @param known every field the route reads, in the order its documentation lists them; any
     *     other field refuses the request
     */
    static JsonFields of(JsonNode body, String... known) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("Request body must be a JSON object");
        }
        UnknownFields.refuseAnyOf(body.propertyNames(), List.of(known));
        return new JsonFields(body);
    }

    /** Refuses the request naming every one of the fields that is missing, in the order given. */
    void require(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (isMissing(body.get(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == 1) {
            throw new InvalidRequest("Required param " + missing.get(0) + " missing");
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequest("Required params " + English.and(missing) + " missing");
        }
    }

    /** A required phone number; the message for a missing one is the seed's. */
    PhoneNumber phoneNumber(String name) {
        require(name);
        JsonNode value = body.get(name);
        if (!value.isString()) {
            throw new InvalidRequest(name + " must be a string such as \"+15551231111\"");
        }
        return PhoneNumber.parse(value.asString());
    }

    /** An optional positive whole number of seconds. */
    Optional<Duration> optionalSeconds(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        // "60" is the likeliest mistake, and "a whole number" alone would not show what is wrong with it.
        if (value.isString()) {
            throw new InvalidRequest(name + " must be a JSON number, not a string");
        }
        if (!value.isIntegralNumber()) {
            throw new InvalidRequest(name + " must be a whole number of seconds, not " + describe(value));
        }
        if (!value.canConvertToLong()) {
            throw new InvalidRequest(name + " is out of range, was " + echoed(value.toString()));
        }
        long seconds = value.longValue();
        if (seconds < 1) {
            throw new InvalidRequest(name + " must be a positive number of seconds, was " + seconds);
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /**
     * A list of phone numbers given either as one comma-separated string or as an array of
     * strings. Every entry is checked before any is used, so one bad entry rejects them all.
     */
    List<PhoneNumber> phoneNumberList(String name) {
        JsonNode value = body.get(name);
        List<String> entries = new ArrayList<>();
        if (value == null || value.isNull()) {
            throw new InvalidRequest("Required param " + name + " missing");
        } else if (value.isString()) {
            for (String entry : value.asString().split(",", -1)) {
                entries.add(entry);
            }
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isString()) {
                    throw new InvalidRequest(name + " must be a comma-separated string or an array of strings");
                }
                entries.add(element.asString());
            }
        } else {
            throw new InvalidRequest(name + " must be a comma-separated string or an array of strings");
        }
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                numbers.add(PhoneNumber.parse(entry));
            }
        }
        if (numbers.isEmpty()) {
            throw new InvalidRequest("Required param " + name + " missing");
        }
        return numbers;
    }

    private static boolean isMissing(JsonNode value) {
        return value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank());
    }

    private static String describe(JsonNode value) {
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return echoed(value.toString());
    }

    private static String echoed(String text) {
        return text.length() <= MAX_ECHOED ? text : text.substring(0, MAX_ECHOED) + "…";
    }
}
