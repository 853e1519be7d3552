package org.callmask.signalwire;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** Reads SignalWire's answers: the JSON of a success, and the code and message of an error. */
final class SignalWireAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ANSWER = 4 * 1024 * 1024;
    private static final int MAX_TEXT = 500;

    private SignalWireAnswers() {}

    /** @return the answer's JSON; a null node when it is empty, too large or not JSON */
    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_ANSWER) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return NullNode.getInstance();
        }
    }

    /**
     * SignalWire's error, from either of its shapes: the Compatibility API's {@code {code,
     * message}} and the native API's {@code {errors: [{code, message}]}}.
     */
    static SignalWireRejected rejected(int status, byte[] body) {
        JsonNode answer = read(body);
        JsonNode error =
                answer.path("errors").isArray() && !answer.path("errors").isEmpty()
                        ? answer.path("errors").get(0)
                        : answer;
        String code = text(error.path("code"));
        String message = text(error.path("message"));
        if (message == null) {
            message = text(error.path("detail"));
        }
        return new SignalWireRejected(status, code, message);
    }

    private static String text(JsonNode node) {
        if (!node.isString() && !node.isNumber()) {
            return null;
        }
        String text = node.asString().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
