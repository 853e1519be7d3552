package org.callmask.api.v1;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.callmask.core.InvalidPhoneNumber;
import org.callmask.core.PhoneNumber;
import org.callmask.service.HookUrl;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request object, collecting a {@link FieldError} for every field that
 * is missing, of the wrong type, out of range or unknown, so one answer lists everything wrong.
 * Values are never echoed back in full: a field that should hold a number may hold anything.
 */
final class Fields {

    private static final String NUMBER_SHAPE = "must be a phone number in E.164 form, such as +14155550123";
    private static final String TIME_SHAPE = "must be an ISO 8601 time with an offset, such as 2026-12-01T10:00:00Z";

    private final JsonNode object;
    private final String prefix;
    private final List<FieldError> errors;

    private Fields(JsonNode object, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * The request body as an object with the given fields.
     *
     * @throws InvalidInput when the body is missing or not a JSON object
     */
    static Fields of(JsonNode body, String... known) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw InvalidInput.of("", "the request body must be a JSON object");
        }
        if (!body.isObject()) {
            throw InvalidInput.of("", "the request body must be a JSON object");
        }
        Fields fields = new Fields(body, "", new ArrayList<>());
        fields.rejectUnknown(Set.of(known));
        return fields;
    }

    /** A nested object's fields, reporting errors under {@code name.}; empty when absent or null. */
    Optional<Fields> object(String name, String... known) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            error(name, "must be an object");
            return Optional.empty();
        }
        Fields nested = new Fields(value, path(name) + ".", errors);
        nested.rejectUnknown(Set.of(known));
        return Optional.of(nested);
    }

    boolean has(String name) {
        return object.has(name);
    }

    boolean isNull(String name) {
        return object.has(name) && object.get(name).isNull();
    }

    /** A string field; empty when absent or null. */
    Optional<String> text(String name, int maxLength) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            error(name, "must be a string");
            return Optional.empty();
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A URL CallMask will send requests to; empty when absent or null. */
    Optional<URI> url(String name) {
        Optional<String> text = text(name, HookUrl.MAX_LENGTH);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String problem = HookUrl.problem(text.get());
        if (problem != null) {
            error(name, problem);
            return Optional.empty();
        }
        return Optional.of(URI.create(text.get()));
    }

    Optional<String> requiredText(String name, int maxLength) {
        if (!object.has(name) || object.get(name).isNull()) {
            error(name, "is required");
            return Optional.empty();
        }
        return text(name, maxLength);
    }

    /** A string field that must be one of {@code choices}. */
    <T> Optional<T> choice(String name, Function<String, Optional<T>> parse, String choices) {
        return text(name, 100).flatMap(text -> {
            Optional<T> parsed = parse.apply(text);
            if (parsed.isEmpty()) {
                error(name, "must be one of " + choices);
            }
            return parsed;
        });
    }

    /** A whole number between {@code min} and {@code max}; empty when absent or null. */
    Optional<Long> integer(String name, long min, long max) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            error(name, "must be a whole number");
            return Optional.empty();
        }
        long number = value.asLong();
        if (number < min || number > max) {
            error(name, "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(number);
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    Optional<PhoneNumber> phoneNumber(String name) {
        return text(name, 64).flatMap(text -> phoneNumber(path(name), text));
    }

    /** A phone number given as text, reporting an error under the full path {@code field}. */
    Optional<PhoneNumber> phoneNumber(String field, String text) {
        try {
            return Optional.of(PhoneNumber.parse(text));
        } catch (InvalidPhoneNumber e) {
            errorAt(field, NUMBER_SHAPE);
            return Optional.empty();
        }
    }

    /** An ISO 8601 time with an offset, such as {@code 2026-12-01T10:00:00Z}. */
    Optional<Instant> time(String name) {
        return text(name, 64).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                error(name, TIME_SHAPE);
                return Optional.empty();
            }
        });
    }

    /**
     * A query parameter holding a phone number.
     *
     * @throws InvalidInput naming the parameter when it is not one
     */
    static PhoneNumber numberParameter(String name, String text) {
        PhoneNumber number = PhoneNumber.parseOrNull(text);
        if (number == null) {
            throw InvalidInput.of(name, NUMBER_SHAPE);
        }
        return number;
    }

    /**
     * A query parameter holding an ISO 8601 time with an offset.
     *
     * @throws InvalidInput naming the parameter when it is not one
     */
    static Instant timeParameter(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, TIME_SHAPE);
        }
    }

    /** The raw value of a field, for fields whose shape the caller checks itself. */
    JsonNode raw(String name) {
        return object.get(name);
    }

    /** Records an error for a field of this object. */
    void error(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    /** Records an error for a field given by its full path. */
    void errorAt(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    String path(String name) {
        return prefix + name;
    }

    /** @throws InvalidInput when any field was invalid */
    void requireValid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private void rejectUnknown(Set<String> known) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            errors.add(new FieldError(
                    prefix + shown,
                    "is not a known field; known fields: "
                            + String.join(", ", known.stream().sorted().toList())));
        }
    }
}
