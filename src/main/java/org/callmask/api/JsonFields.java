package org.callmask.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import tools.jackson.databind.JsonNode;

/** Reads fields of a JSON request body, with errors that name the field and what was wrong. */
final class JsonFields {

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    static JsonFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("Request body must be a JSON object");
        }
        return new JsonFields(body);
    }

    /** A required phone number; the message for a missing one is the seed's. */
    PhoneNumber phoneNumber(String name) {
        JsonNode value = body.get(name);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            throw new InvalidRequest("Required param " + name + " missing");
        }
        if (!value.isString()) {
            throw new InvalidRequest(name + " must be a string such as \"+15551231111\"");
        }
        return PhoneNumber.parse(value.asString());
    }

    /** An optional whole number. */
    Optional<Long> optionalLong(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRequest(name + " must be a whole number");
        }
        return Optional.of(value.longValue());
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
}
