package org.callmask.service;

import java.net.URI;
import java.util.List;
import org.callmask.core.PhoneNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of the settings kept as JSON documents. Only this class writes and reads them, so
 * the column's shape is decided in one place; every field is written, so a stored document never
 * depends on the defaults of the version that reads it.
 */
final class SettingsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SettingsJson() {}

    static String write(OutOfSession policy) {
        ObjectNode root = JSON.createObjectNode();
        write(root.putObject("call"), policy.call());
        write(root.putObject("message"), policy.message());
        return JSON.writeValueAsString(root);
    }

    private static void write(ObjectNode call, OutOfSession.CallPolicy policy) {
        if (policy instanceof OutOfSession.Forward forward) {
            call.put("action", "forward").put("to", forward.to().e164());
        } else if (policy instanceof OutOfSession.Announce announce) {
            call.put("action", "announce").put("message", announce.message());
        } else if (policy instanceof OutOfSession.CallCallback callback) {
            call.put("action", "callback").put("url", callback.url().toString());
            write(call.putObject("fallback"), callback.fallback());
        }
    }

    private static void write(ObjectNode message, OutOfSession.MessagePolicy policy) {
        if (policy instanceof OutOfSession.Reply reply) {
            message.put("action", "reply").put("text", reply.text());
        } else if (policy instanceof OutOfSession.MessageCallback callback) {
            message.put("action", "callback").put("url", callback.url().toString());
            write(message.putObject("fallback"), callback.fallback());
        } else {
            message.put("action", "drop");
        }
    }

    static String write(AutoBuy autoBuy) {
        ObjectNode root = JSON.createObjectNode()
                .put("enabled", autoBuy.enabled())
                .put("max_numbers", autoBuy.maxNumbers())
                .put("country", autoBuy.country());
        autoBuy.areaCodes().forEach(root.putArray("area_codes")::add);
        if (!root.has("area_codes")) {
            root.putArray("area_codes");
        }
        return JSON.writeValueAsString(root);
    }

    /** @param text {@code null} for a service that never set it */
    static AutoBuy readAutoBuy(String text) {
        if (text == null) {
            return AutoBuy.OFF;
        }
        JsonNode root = JSON.readTree(text);
        List<String> areaCodes = new java.util.ArrayList<>();
        root.path("area_codes").forEach(a -> areaCodes.add(a.asString()));
        return new AutoBuy(
                root.path("enabled").asBoolean(false),
                root.path("max_numbers").asInt(0),
                areaCodes,
                root.path("country").asString("US"));
    }

    static OutOfSession readOutOfSession(String text) {
        JsonNode root = JSON.readTree(text);
        return new OutOfSession(callPolicy(root.path("call")), messagePolicy(root.path("message")));
    }

    private static OutOfSession.CallPolicy callPolicy(JsonNode call) {
        return switch (call.path("action").asString("")) {
            case "forward" ->
                new OutOfSession.Forward(PhoneNumber.parse(call.path("to").asString()));
            case "callback" ->
                new OutOfSession.CallCallback(
                        URI.create(call.path("url").asString()), callPolicy(call.path("fallback")));
            default -> new OutOfSession.Announce(nullableText(call.path("message")));
        };
    }

    private static OutOfSession.MessagePolicy messagePolicy(JsonNode message) {
        return switch (message.path("action").asString("")) {
            case "reply" -> new OutOfSession.Reply(message.path("text").asString());
            case "callback" ->
                new OutOfSession.MessageCallback(
                        URI.create(message.path("url").asString()), messagePolicy(message.path("fallback")));
            default -> new OutOfSession.Drop();
        };
    }

    static String write(VoiceOptions voice) {
        ObjectNode root = JSON.createObjectNode();
        root.put("record", voice.record());
        root.put("ring_timeout", voice.ringTimeout());
        root.put("max_duration", voice.maxDuration());
        root.put("whisper", voice.whisper());
        root.put("answer_on_bridge", voice.answerOnBridge());
        return JSON.writeValueAsString(root);
    }

    static VoiceOptions readVoice(String text) {
        JsonNode root = JSON.readTree(text);
        VoiceOptions d = VoiceOptions.DEFAULTS;
        return new VoiceOptions(
                root.path("record").asBoolean(d.record()),
                root.path("ring_timeout").asInt(d.ringTimeout()),
                root.path("max_duration").asInt(d.maxDuration()),
                root.has("whisper") ? nullableText(root.get("whisper")) : d.whisper(),
                root.path("answer_on_bridge").asBoolean(d.answerOnBridge()));
    }

    /** A session's overrides: only the fields it sets are written. */
    static String write(VoiceOverrides voice) {
        if (voice.isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        if (voice.record() != null) {
            root.put("record", voice.record());
        }
        if (voice.ringTimeout() != null) {
            root.put("ring_timeout", voice.ringTimeout());
        }
        if (voice.maxDuration() != null) {
            root.put("max_duration", voice.maxDuration());
        }
        if (voice.whisper() != null) {
            root.put("whisper", voice.whisper());
        }
        if (voice.answerOnBridge() != null) {
            root.put("answer_on_bridge", voice.answerOnBridge());
        }
        return JSON.writeValueAsString(root);
    }

    static VoiceOverrides readOverrides(String text) {
        if (text == null) {
            return VoiceOverrides.NONE;
        }
        JsonNode root = JSON.readTree(text);
        return new VoiceOverrides(
                root.has("record") ? root.get("record").asBoolean() : null,
                root.has("ring_timeout") ? root.get("ring_timeout").asInt() : null,
                root.has("max_duration") ? root.get("max_duration").asInt() : null,
                root.has("whisper") ? root.get("whisper").asString() : null,
                root.has("answer_on_bridge") ? root.get("answer_on_bridge").asBoolean() : null);
    }

    private static String nullableText(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
