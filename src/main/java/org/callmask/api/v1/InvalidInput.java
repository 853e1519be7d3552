package org.callmask.api.v1;

import java.util.List;

/** A request with one or more invalid fields; answered 400 with each of them. */
final class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    InvalidInput(List<FieldError> errors) {
        super("Invalid input: " + errors.size() + " field(s)");
        this.errors = List.copyOf(errors);
    }

    static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
