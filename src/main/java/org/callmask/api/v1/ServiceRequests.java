package org.callmask.api.v1;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.service.AutoBuy;
import org.callmask.service.GeoMatch;
import org.callmask.service.Hooks;
import org.callmask.service.InterceptFailure;
import org.callmask.service.NumberSelection;
import org.callmask.service.OutOfSession;
import org.callmask.service.ServiceName;
import org.callmask.service.ServiceSettings;
import org.callmask.service.VoiceOptions;
import tools.jackson.databind.JsonNode;

/** Reads service bodies (create and change) into a name and settings. */
final class ServiceRequests {

    static final String[] FIELDS = {
        "unique_name",
        "default_ttl",
        "geo_match",
        "number_selection",
        "cool_off",
        "out_of_session",
        "voice",
        "callback_url",
        "intercept_url",
        "intercept_on_failure",
        "grace_period",
        "pool"
    };

    private ServiceRequests() {}

    record Read(String uniqueName, ServiceSettings settings) {}

    /**
     * The body's fields applied over {@code base}: for a new service, the defaults; for a change,
     * the service as it is.
     *
     * @param nameRequired a new service must have a name
     */
    static Read read(JsonNode body, String currentName, ServiceSettings base, boolean nameRequired) {
        Fields fields = Fields.of(body, FIELDS);
        Optional<String> name = nameRequired
                ? fields.requiredText("unique_name", ServiceName.MAX_LENGTH)
                : fields.text("unique_name", ServiceName.MAX_LENGTH);
        name.ifPresent(n -> {
            String problem = ServiceName.problem(n);
            if (problem != null) {
                fields.error("unique_name", problem);
            }
        });
        if (!nameRequired && fields.isNull("unique_name")) {
            fields.error("unique_name", "must not be null");
        }
        Optional<Long> defaultTtl = fields.integer("default_ttl", 0, ServiceSettings.MAX_TTL.toSeconds());
        Optional<GeoMatch> geo = fields.choice("geo_match", GeoMatch::of, "country, area-code, none");
        Optional<NumberSelection> selection =
                fields.choice("number_selection", NumberSelection::of, "prefer-sticky, avoid-sticky");
        Optional<Long> coolOff = fields.integer("cool_off", 0, ServiceSettings.MAX_COOL_OFF.toSeconds());
        OutOfSession outOfSession = fields.object("out_of_session", "call", "message")
                .map(o -> outOfSession(o, base.outOfSession()))
                .orElse(base.outOfSession());
        VoiceOptions voice = fields.object(
                        "voice", "record", "ring_timeout", "max_duration", "whisper", "answer_on_bridge")
                .map(v -> voice(v, base.voice()))
                .orElse(base.voice());
        Hooks hooks = hooks(fields, base.hooks());
        AutoBuy autoBuy = fields.object("pool", "auto_buy")
                .flatMap(pool -> pool.object("auto_buy", "enabled", "max_numbers", "area_codes", "country"))
                .map(a -> autoBuy(a, base.autoBuy()))
                .orElse(base.autoBuy());
        fields.requireValid();
        return new Read(
                name.orElse(currentName),
                new ServiceSettings(
                        defaultTtl.map(Duration::ofSeconds).orElse(base.defaultTtl()),
                        geo.orElse(base.geoMatch()),
                        selection.orElse(base.numberSelection()),
                        coolOff.map(Duration::ofSeconds).orElse(base.coolOff()),
                        outOfSession,
                        voice,
                        hooks,
                        autoBuy));
    }

    /** Each field sent replaces that field; the whole must make sense together. */
    private static AutoBuy autoBuy(Fields fields, AutoBuy base) {
        if (fields.isNull("enabled")) {
            fields.error("enabled", "must be true or false");
        }
        boolean enabled = fields.bool("enabled").orElse(base.enabled());
        int max = fields.integer("max_numbers", 1, AutoBuy.MAX_NUMBERS)
                .map(Long::intValue)
                .orElse(base.maxNumbers());
        String country = fields.text("country", 2).orElse(base.country());
        List<String> areaCodes = base.areaCodes();
        JsonNode raw = fields.raw("area_codes");
        if (raw != null) {
            if (raw.isNull()) {
                areaCodes = List.of();
            } else if (!raw.isArray() || raw.size() > AutoBuy.MAX_AREA_CODES) {
                fields.error("area_codes", "must be a list of at most " + AutoBuy.MAX_AREA_CODES + " area codes");
            } else {
                List<String> read = new java.util.ArrayList<>();
                raw.forEach(a -> read.add(a.isString() ? a.asString() : null));
                areaCodes = read;
            }
        }
        if (enabled && max < 1 && !fields.has("max_numbers")) {
            fields.error("max_numbers", "is required to enable auto_buy");
            return base;
        }
        Optional<AutoBuy.Problem> problem = AutoBuy.problem(enabled, max, areaCodes, country);
        if (problem.isPresent()) {
            fields.error(problem.get().field(), problem.get().message());
            return base;
        }
        return new AutoBuy(enabled, max, areaCodes, country);
    }

    /** A URL sent as null is cleared; one not sent is kept. */
    private static Hooks hooks(Fields fields, Hooks base) {
        Optional<URI> callback = fields.url("callback_url");
        Optional<URI> intercept = fields.url("intercept_url");
        Optional<InterceptFailure> onFailure =
                fields.choice("intercept_on_failure", InterceptFailure::of, "allow, deny");
        Optional<Long> grace = fields.integer("grace_period", 0, Hooks.MAX_GRACE_PERIOD.toSeconds());
        return new Hooks(
                fields.has("callback_url") ? callback.orElse(null) : base.callbackUrl(),
                fields.has("intercept_url") ? intercept.orElse(null) : base.interceptUrl(),
                onFailure.orElse(base.interceptOnFailure()),
                grace.map(Duration::ofSeconds).orElse(base.gracePeriod()));
    }

    private static OutOfSession outOfSession(Fields fields, OutOfSession base) {
        OutOfSession.CallPolicy call = fields.object("call", "action", "message", "to", "url", "fallback")
                .map(c -> callPolicy(c, base.call(), true))
                .orElse(base.call());
        OutOfSession.MessagePolicy message = fields.object("message", "action", "text", "url", "fallback")
                .map(m -> messagePolicy(m, base.message(), true))
                .orElse(base.message());
        return new OutOfSession(call, message);
    }

    /** @param mayCall false inside a callback's fallback, which must say what to do itself */
    private static OutOfSession.CallPolicy callPolicy(Fields fields, OutOfSession.CallPolicy base, boolean mayCall) {
        Optional<String> action = fields.requiredText("action", 20);
        if (action.isEmpty()) {
            return base;
        }
        if (!action.get().equals("callback")) {
            onlyForCallback(fields);
        }
        switch (action.get()) {
            case "announce" -> {
                if (fields.has("to")) {
                    fields.error("to", "is only for action forward");
                }
                Optional<String> message = fields.text("message", OutOfSession.MAX_TEXT);
                return oneLine(fields, "message", message)
                        .map(OutOfSession.Announce::new)
                        .orElse(new OutOfSession.Announce(null));
            }
            case "forward" -> {
                if (fields.has("message")) {
                    fields.error("message", "is only for action announce");
                }
                if (!fields.has("to") || fields.isNull("to")) {
                    fields.error("to", "is required for action forward");
                    return base;
                }
                Optional<PhoneNumber> to = fields.phoneNumber("to");
                return to.<OutOfSession.CallPolicy>map(OutOfSession.Forward::new)
                        .orElse(base);
            }
            case "callback" -> {
                if (!mayCall) {
                    fields.error("action", "must be one of announce, forward");
                    return base;
                }
                if (fields.has("message") || fields.has("to")) {
                    fields.error(fields.has("message") ? "message" : "to", "belongs in fallback for action callback");
                }
                Optional<URI> url = requiredUrl(fields);
                OutOfSession.CallPolicy fallback = fields.object("fallback", "action", "message", "to")
                        .map(f -> callPolicy(f, new OutOfSession.Announce(null), false))
                        .orElse(new OutOfSession.Announce(null));
                return url.<OutOfSession.CallPolicy>map(u -> new OutOfSession.CallCallback(u, fallback))
                        .orElse(base);
            }
            default -> {
                fields.error(
                        "action",
                        mayCall ? "must be one of announce, forward, callback" : "must be one of announce, forward");
                return base;
            }
        }
    }

    private static OutOfSession.MessagePolicy messagePolicy(
            Fields fields, OutOfSession.MessagePolicy base, boolean mayCall) {
        Optional<String> action = fields.requiredText("action", 20);
        if (action.isEmpty()) {
            return base;
        }
        if (!action.get().equals("callback")) {
            onlyForCallback(fields);
        }
        switch (action.get()) {
            case "drop" -> {
                if (fields.has("text")) {
                    fields.error("text", "is only for action reply");
                }
                return new OutOfSession.Drop();
            }
            case "reply" -> {
                Optional<String> text = oneLine(fields, "text", fields.requiredText("text", OutOfSession.MAX_TEXT));
                return text.<OutOfSession.MessagePolicy>map(OutOfSession.Reply::new)
                        .orElse(base);
            }
            case "callback" -> {
                if (!mayCall) {
                    fields.error("action", "must be one of drop, reply");
                    return base;
                }
                if (fields.has("text")) {
                    fields.error("text", "belongs in fallback for action callback");
                }
                Optional<URI> url = requiredUrl(fields);
                OutOfSession.MessagePolicy fallback = fields.object("fallback", "action", "text")
                        .map(f -> messagePolicy(f, new OutOfSession.Drop(), false))
                        .orElse(new OutOfSession.Drop());
                return url.<OutOfSession.MessagePolicy>map(u -> new OutOfSession.MessageCallback(u, fallback))
                        .orElse(base);
            }
            default -> {
                fields.error("action", mayCall ? "must be one of drop, reply, callback" : "must be one of drop, reply");
                return base;
            }
        }
    }

    private static void onlyForCallback(Fields fields) {
        for (String name : new String[] {"url", "fallback"}) {
            if (fields.has(name)) {
                fields.error(name, "is only for action callback");
            }
        }
    }

    private static Optional<URI> requiredUrl(Fields fields) {
        if (!fields.has("url") || fields.isNull("url")) {
            fields.error("url", "is required for action callback");
            return Optional.empty();
        }
        return fields.url("url");
    }

    private static VoiceOptions voice(Fields fields, VoiceOptions base) {
        Optional<Boolean> record = fields.bool("record");
        Optional<Long> ring =
                fields.integer("ring_timeout", VoiceOptions.MIN_RING_TIMEOUT, VoiceOptions.MAX_RING_TIMEOUT);
        Optional<Long> max = fields.integer("max_duration", 1, VoiceOptions.MAX_MAX_DURATION);
        Optional<String> whisper = oneLine(fields, "whisper", fields.text("whisper", VoiceOptions.MAX_WHISPER));
        Optional<Boolean> bridge = fields.bool("answer_on_bridge");
        return new VoiceOptions(
                record.orElse(base.record()),
                ring.map(Long::intValue).orElse(base.ringTimeout()),
                max.map(Long::intValue).orElse(base.maxDuration()),
                fields.has("whisper") ? whisper.orElse(null) : base.whisper(),
                bridge.orElse(base.answerOnBridge()));
    }

    /** Spoken or sent text must be one non-blank line. */
    static Optional<String> oneLine(Fields fields, String name, Optional<String> text) {
        if (text.isPresent() && (text.get().isBlank() || text.get().chars().anyMatch(Character::isISOControl))) {
            fields.error(name, "must be one line of text, not blank, without control characters");
            return Optional.empty();
        }
        return text;
    }
}
