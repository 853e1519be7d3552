package org.callmask.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One invalid input: which field (a dotted path such as {@code voice.ring_timeout}) and why. */
record FieldError(
        @JsonProperty("field") String field,
        @JsonProperty("message") String message) {}
