package org.callmask.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.callmask.core.Page;
import org.callmask.pool.Capability;
import org.callmask.pool.PoolNumber;
import org.callmask.service.OutOfSession;
import org.callmask.service.ProxyService;
import org.callmask.service.VoiceOptions;
import org.callmask.service.VoiceOverrides;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the v1 API answers with. Times are ISO 8601 in UTC ({@code …Z}). */
final class Views {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Views() {}

    @Schema(name = "Page", description = "One page of a list.")
    record PageView<T>(
            @JsonProperty("items") List<T> items,

            @Schema(description = "Pass as page_token for the next page; null on the last page.", nullable = true)
            @JsonProperty("next_page_token")
            String nextPageToken) {

        static <D, T> PageView<T> of(Page<D> page, java.util.function.Function<D, T> view) {
            return new PageView<>(
                    page.items().stream().map(view).toList(), page.next().orElse(null));
        }
    }

    @Schema(
            name = "Service",
            description = "A tenant with its own pool of numbers and the defaults its sessions follow.")
    record ServiceView(
            @Schema(example = "svc_3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c") @JsonProperty("id")
            String id,

            @Schema(example = "deliveries") @JsonProperty("unique_name")
            String uniqueName,

            @Schema(
                    description =
                            "Seconds a session lives after its last interaction unless it says otherwise; 0: no limit.",
                    example = "86400")
            @JsonProperty("default_ttl")
            long defaultTtl,

            @Schema(allowableValues = {"country", "area-code", "none"}) @JsonProperty("geo_match")
            String geoMatch,

            @Schema(allowableValues = {"prefer-sticky", "avoid-sticky"}) @JsonProperty("number_selection")
            String numberSelection,

            @Schema(
                    description = "Seconds a released (proxy number, participant) pair is kept from that participant's "
                            + "sessions with anyone else.")
            @JsonProperty("cool_off")
            long coolOff,

            @JsonProperty("out_of_session") OutOfSessionView outOfSession,
            @JsonProperty("voice") VoiceView voice,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static ServiceView of(ProxyService service) {
            var s = service.settings();
            return new ServiceView(
                    service.id().value(),
                    service.uniqueName(),
                    s.defaultTtl().toSeconds(),
                    s.geoMatch().wire(),
                    s.numberSelection().wire(),
                    s.coolOff().toSeconds(),
                    OutOfSessionView.of(s.outOfSession()),
                    VoiceView.of(s.voice()),
                    service.createdAt(),
                    service.updatedAt());
        }
    }

    @Schema(name = "OutOfSession", description = "What calls and texts that no active session carries get.")
    record OutOfSessionView(
            @JsonProperty("call") CallPolicyView call,
            @JsonProperty("message") MessagePolicyView message) {

        static OutOfSessionView of(OutOfSession policy) {
            CallPolicyView call = policy.call() instanceof OutOfSession.Forward forward
                    ? new CallPolicyView("forward", null, forward.to().e164())
                    : new CallPolicyView("announce", ((OutOfSession.Announce) policy.call()).message(), null);
            MessagePolicyView message = policy.message() instanceof OutOfSession.Reply reply
                    ? new MessagePolicyView("reply", reply.text())
                    : new MessagePolicyView("drop", null);
            return new OutOfSessionView(call, message);
        }
    }

    @Schema(name = "OutOfSessionCall")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallPolicyView(
            @Schema(allowableValues = {"announce", "forward"}) @JsonProperty("action")
            String action,

            @Schema(
                    description = "announce: what is said before hanging up; null for the configured refusal message.",
                    nullable = true)
            @JsonProperty("message")
            String message,

            @Schema(
                    description = "forward: the number calls are put through to, showing the proxy number.",
                    nullable = true,
                    example = "+14155550100")
            @JsonProperty("to")
            String to) {}

    @Schema(name = "OutOfSessionMessage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessagePolicyView(
            @Schema(allowableValues = {"drop", "reply"}) @JsonProperty("action")
            String action,

            @Schema(description = "reply: the text sent back from the proxy number.", nullable = true)
            @JsonProperty("text")
            String text) {}

    @Schema(name = "Voice", description = "How calls between participants are put through.")
    record VoiceView(
            @JsonProperty("record") boolean record,

            @Schema(example = "30") @JsonProperty("ring_timeout")
            int ringTimeout,

            @Schema(example = "14400") @JsonProperty("max_duration")
            int maxDuration,

            @Schema(description = "Said to the callee before the two are bridged.", nullable = true)
            @JsonProperty("whisper")
            String whisper,

            @JsonProperty("answer_on_bridge") boolean answerOnBridge) {

        static VoiceView of(VoiceOptions voice) {
            return new VoiceView(
                    voice.record(), voice.ringTimeout(), voice.maxDuration(), voice.whisper(), voice.answerOnBridge());
        }
    }

    @Schema(
            name = "VoiceOverrides",
            description = "A session's changes to its service's voice options; null keeps the service's.")
    record VoiceOverridesView(
            @JsonProperty("record") Boolean record,
            @JsonProperty("ring_timeout") Integer ringTimeout,
            @JsonProperty("max_duration") Integer maxDuration,
            @JsonProperty("whisper") String whisper,
            @JsonProperty("answer_on_bridge") Boolean answerOnBridge) {

        static VoiceOverridesView of(VoiceOverrides voice) {
            return voice.isEmpty()
                    ? null
                    : new VoiceOverridesView(
                            voice.record(),
                            voice.ringTimeout(),
                            voice.maxDuration(),
                            voice.whisper(),
                            voice.answerOnBridge());
        }
    }

    @Schema(name = "Number", description = "A number in a service's pool.")
    record NumberView(
            @Schema(example = "num_0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f") @JsonProperty("id")
            String id,

            @Schema(example = "+14155550100") @JsonProperty("number")
            String number,

            @JsonProperty("service_id") String serviceId,

            @Schema(description = "ISO 3166 region, from libphonenumber.", example = "US") @JsonProperty("country")
            String country,

            @Schema(description = "NANP area code; null outside +1.", example = "415", nullable = true)
            @JsonProperty("area_code")
            String areaCode,

            @Schema(example = "[\"voice\", \"sms\", \"mms\"]") @JsonProperty("capabilities")
            List<String> capabilities,

            @Schema(description = "Kept out of automatic allocation; given only when asked for by number.")
            @JsonProperty("reserved")
            boolean reserved,

            @Schema(
                    description = "Most active routes (participants) it may carry at once; null: no limit.",
                    nullable = true)
            @JsonProperty("capacity")
            Integer capacity,

            @Schema(description = "Active routes (participants) it carries now.") @JsonProperty("in_use")
            int inUse,

            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static NumberView of(PoolNumber number) {
            return new NumberView(
                    number.id(),
                    number.number().e164(),
                    number.serviceId().value(),
                    number.country(),
                    number.areaCode().orElse(null),
                    Capability.ALL.stream()
                            .filter(number.capabilities()::contains)
                            .map(Capability::wire)
                            .toList(),
                    number.reserved(),
                    number.capacity().orElse(null),
                    number.activeRoutes(),
                    number.createdAt(),
                    number.updatedAt());
        }
    }

    @Schema(name = "Session", description = "Participants who reach each other through their own proxy numbers.")
    record SessionView(
            @Schema(example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d") @JsonProperty("id")
            String id,

            @JsonProperty("service_id") String serviceId,

            @Schema(nullable = true, example = "order-1234") @JsonProperty("unique_name")
            String uniqueName,

            @Schema(allowableValues = {"voice-and-message", "voice-only", "message-only"}) @JsonProperty("mode")
            String mode,

            @Schema(allowableValues = {"open", "in-progress", "closed"}) @JsonProperty("status")
            String status,

            @Schema(
                    allowableValues = {"api", "expired", "number-removed"},
                    nullable = true)
            @JsonProperty("closed_reason")
            String closedReason,

            @Schema(
                    description = "Sliding lifetime: seconds after the last interaction (or creation); null: none.",
                    nullable = true)
            @JsonProperty("ttl")
            Long ttl,

            @Schema(description = "The absolute end set for it; null: none.", nullable = true)
            @JsonProperty("expires_at")
            Instant expiresAt,

            @Schema(
                    description = "When it stops routing unless something happens: the earlier of expires_at and "
                            + "the last interaction plus ttl; null: never.",
                    nullable = true)
            @JsonProperty("routes_until")
            Instant routesUntil,

            @Schema(description = "The platform's opaque JSON object; no personal data.", nullable = true)
            @JsonProperty("metadata")
            JsonNode metadata,

            @Schema(nullable = true) @JsonProperty("voice") VoiceOverridesView voice,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,

            @Schema(nullable = true) @JsonProperty("last_interaction_at")
            Instant lastInteractionAt,

            @Schema(nullable = true) @JsonProperty("closed_at")
            Instant closedAt,

            @JsonProperty("participants") List<ParticipantView> participants) {

        static SessionView of(ProxySession session) {
            return new SessionView(
                    session.id().value(),
                    session.serviceId().value(),
                    session.uniqueName(),
                    session.mode().wire(),
                    session.status().wire(),
                    session.closedReason() == null
                            ? null
                            : session.closedReason().wire(),
                    session.ttl() == null ? null : session.ttl().toSeconds(),
                    session.expiresAtFixed(),
                    session.expiresAt(),
                    session.metadata() == null ? null : JSON.readTree(session.metadata()),
                    VoiceOverridesView.of(session.voice()),
                    session.createdAt(),
                    session.updatedAt(),
                    session.lastInteractionAt(),
                    session.closedAt(),
                    session.participants().stream()
                            .map(p -> ParticipantView.of(session, p))
                            .toList());
        }
    }

    @Schema(name = "Participant", description = "One real number in a session, and the proxy number it sees.")
    record ParticipantView(
            @Schema(example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d") @JsonProperty("id")
            String id,

            @JsonProperty("session_id") String sessionId,

            @Schema(example = "+14155550123") @JsonProperty("number")
            String number,

            @Schema(nullable = true, example = "courier") @JsonProperty("name")
            String name,

            @Schema(
                    description = "The number this participant calls and texts, and sees the other as.",
                    example = "+14155550100")
            @JsonProperty("proxy_number")
            String proxyNumber,

            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,

            @Schema(nullable = true) @JsonProperty("removed_at")
            Instant removedAt) {

        static ParticipantView of(ProxySession session, Participant p) {
            return new ParticipantView(
                    p.id().value(),
                    session.id().value(),
                    p.number().e164(),
                    p.name(),
                    p.proxyNumber().e164(),
                    p.createdAt(),
                    p.updatedAt(),
                    p.removedAt());
        }
    }
}
