package org.callmask.api.v1;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceSettings;
import org.callmask.service.VoiceOptions;
import org.callmask.service.VoiceOverrides;
import org.callmask.session.NewParticipant;
import org.callmask.session.NewSession;
import org.callmask.session.SessionChanges;
import org.callmask.session.SessionMode;
import org.callmask.session.SessionStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads session and participant bodies into domain requests. */
final class SessionRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODES = "voice-and-message, voice-only, message-only";

    private SessionRequests() {}

    static NewSession newSession(JsonNode body) {
        Fields fields = Fields.of(
                body, "unique_name", "mode", "ttl", "expires_at", "metadata", "voice", "participants", "callback_url");
        Optional<String> uniqueName = fields.text("unique_name", NewSession.MAX_UNIQUE_NAME);
        uniqueName.filter(String::isBlank).ifPresent(n -> fields.error("unique_name", "must not be blank"));
        Optional<SessionMode> mode = fields.choice("mode", SessionMode::of, MODES);
        Optional<Long> ttl = fields.integer("ttl", 0, ServiceSettings.MAX_TTL.toSeconds());
        Optional<Instant> expiresAt = fields.time("expires_at");
        String metadata = metadata(fields);
        VoiceOverrides voice = voice(fields);
        Optional<URI> callbackUrl = fields.url("callback_url");
        List<NewParticipant> participants = new ArrayList<>();
        JsonNode raw = fields.raw("participants");
        if (raw != null && !raw.isNull()) {
            if (!raw.isArray()) {
                fields.error("participants", "must be a list of participants");
            } else if (raw.size() > NewSession.MAX_PARTICIPANTS) {
                fields.error("participants", "must hold at most " + NewSession.MAX_PARTICIPANTS + " participants");
            } else {
                for (int i = 0; i < raw.size(); i++) {
                    participant(fields, raw.get(i), "participants[" + i + "]").ifPresent(participants::add);
                }
            }
        }
        fields.requireValid();
        return new NewSession(
                uniqueName,
                mode.orElse(SessionMode.VOICE_AND_MESSAGE),
                ttl.map(Duration::ofSeconds),
                expiresAt,
                metadata,
                voice,
                participants,
                callbackUrl.orElse(null));
    }

    static NewParticipant newParticipant(JsonNode body) {
        Fields fields = Fields.of(body, "number", "name", "proxy_number");
        Optional<PhoneNumber> number = fields.requiredText("number", 64).flatMap(t -> fields.phoneNumber("number", t));
        Optional<String> name = ServiceRequests.oneLine(fields, "name", fields.text("name", NewParticipant.MAX_NAME));
        Optional<PhoneNumber> proxy = fields.phoneNumber("proxy_number");
        fields.requireValid();
        return new NewParticipant(number.orElseThrow(), name.orElse(null), proxy);
    }

    static SessionChanges changes(JsonNode body) {
        Fields fields = Fields.of(body, "status", "ttl", "expires_at", "mode", "callback_url");
        Optional<SessionStatus> status = fields.choice(
                "status", text -> SessionStatus.of(text).filter(s -> s != SessionStatus.IN_PROGRESS), "open, closed");
        Optional<Long> ttl = fields.integer("ttl", 0, ServiceSettings.MAX_TTL.toSeconds());
        if (fields.isNull("ttl")) {
            fields.error("ttl", "must be a whole number of seconds; 0 for none");
        }
        Optional<Instant> expiresAt = fields.time("expires_at");
        Optional<SessionMode> mode = fields.choice("mode", SessionMode::of, MODES);
        Optional<URI> callbackUrl = fields.url("callback_url");
        if (fields.isNull("status")) {
            fields.error("status", "must be one of open, closed");
        }
        if (fields.isNull("mode")) {
            fields.error("mode", "must be one of " + MODES);
        }
        fields.requireValid();
        Optional<Optional<Instant>> newExpiry =
                fields.isNull("expires_at") ? Optional.of(Optional.empty()) : expiresAt.map(Optional::of);
        Optional<Optional<URI>> newCallback =
                fields.isNull("callback_url") ? Optional.of(Optional.empty()) : callbackUrl.map(Optional::of);
        return new SessionChanges(status, ttl.map(Duration::ofSeconds), newExpiry, mode, newCallback);
    }

    private static Optional<NewParticipant> participant(Fields errors, JsonNode entry, String at) {
        String prefix = at + ".";
        if (entry == null || !entry.isObject()) {
            errors.errorAt(at, "must be an object with number, name, proxy_number");
            return Optional.empty();
        }
        Fields fields = Fields.of(entry, "number", "name", "proxy_number");
        Optional<PhoneNumber> number = fields.requiredText("number", 64).flatMap(t -> fields.phoneNumber("number", t));
        Optional<String> name = ServiceRequests.oneLine(fields, "name", fields.text("name", NewParticipant.MAX_NAME));
        Optional<PhoneNumber> proxy = fields.phoneNumber("proxy_number");
        try {
            fields.requireValid();
        } catch (InvalidInput e) {
            e.errors().forEach(err -> errors.errorAt(prefix + err.field(), err.message()));
            return Optional.empty();
        }
        return number.map(n -> new NewParticipant(n, name.orElse(null), proxy));
    }

    /** An opaque JSON object of at most 4 KB, kept as its compact text. */
    private static String metadata(Fields fields) {
        JsonNode raw = fields.raw("metadata");
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isObject()) {
            fields.error("metadata", "must be a JSON object");
            return null;
        }
        String text = JSON.writeValueAsString(raw);
        if (text.getBytes(StandardCharsets.UTF_8).length > NewSession.MAX_METADATA_BYTES) {
            fields.error("metadata", "must be at most " + NewSession.MAX_METADATA_BYTES + " bytes as compact JSON");
            return null;
        }
        return text;
    }

    private static VoiceOverrides voice(Fields fields) {
        return fields.object("voice", "record", "ring_timeout", "max_duration", "whisper", "answer_on_bridge")
                .map(v -> {
                    Optional<Boolean> record = v.bool("record");
                    Optional<Long> ring =
                            v.integer("ring_timeout", VoiceOptions.MIN_RING_TIMEOUT, VoiceOptions.MAX_RING_TIMEOUT);
                    Optional<Long> max = v.integer("max_duration", 1, VoiceOptions.MAX_MAX_DURATION);
                    Optional<String> whisper = v.text("whisper", VoiceOptions.MAX_WHISPER);
                    whisper.filter(w ->
                                    !w.isEmpty() && (w.isBlank() || w.chars().anyMatch(Character::isISOControl)))
                            .ifPresent(w -> v.error("whisper", "must be one line of text; \"\" turns the whisper off"));
                    Optional<Boolean> bridge = v.bool("answer_on_bridge");
                    return new VoiceOverrides(
                            record.orElse(null),
                            ring.map(Long::intValue).orElse(null),
                            max.map(Long::intValue).orElse(null),
                            whisper.orElse(null),
                            bridge.orElse(null));
                })
                .orElse(VoiceOverrides.NONE);
    }
}
