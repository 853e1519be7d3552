package org.callmask.telephony;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two fields of SignalWire's call payload that routing needs. Phone calls carry
 * {@code call.from_number}/{@code call.to_number}; SIP and WebRTC calls only
 * {@code call.from}/{@code call.to}. Everything else is ignored.
 *
 * @param from the caller, or {@code null} when the body had none
 * @param to the number called, or {@code null}
 * @param id SignalWire's {@code call.call_id}, or {@code null}
 */
record InboundCall(String from, String to, String id) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InboundCall parse(byte[] body) {
        if (body.length == 0) {
            return new InboundCall(null, null, null);
        }
        try {
            JsonNode call = JSON.readTree(body).path("call");
            return new InboundCall(
                    text(call, "from_number", "from"), text(call, "to_number", "to"), text(call, "call_id", "call_id"));
        } catch (JacksonException e) {
            return new InboundCall(null, null, null);
        }
    }

    private static String text(JsonNode call, String preferred, String fallback) {
        JsonNode value = call.path(preferred);
        if (!value.isString() || value.asString().isBlank()) {
            value = call.path(fallback);
        }
        return value.isString() ? value.asString() : null;
    }
}
