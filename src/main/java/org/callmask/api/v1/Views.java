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
import org.callmask.signalwire.NumberSetup;
import org.callmask.signalwire.ProjectNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the v1 API answers with. Times are ISO 8601 in UTC ({@code …Z}). */
final class Views {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Views() {}

    @Schema(description = "One page of a list.")
    record PageView<T>(
            @Schema(description = "The items of this page, in the list's order.") @JsonProperty("items")
            List<T> items,

            @Schema(
                    description = "Pass as page_token for the next page; null on the last page.",
                    nullable = true,
                    example = "MTcxMjE3MjMzMTAwMDpzdmNfMzc1YmExZmJlNDE5MWNhYjQyNDU5NGQ2OWFkZjI1YmM")
            @JsonProperty("next_page_token")
            String nextPageToken) {

        static <D, T> PageView<T> of(Page<D> page, java.util.function.Function<D, T> view) {
            return new PageView<>(
                    page.items().stream().map(view).toList(), page.next().orElse(null));
        }
    }

    @Schema(name = "ServicePool", description = "How a service's pool looks after itself.")
    record PoolView(
            @Schema(description = "Whether CallMask buys numbers for the pool by itself.") @JsonProperty("auto_buy")
            AutoBuyView autoBuy) {}

    @Schema(
            name = "AutoBuy",
            description = "When an allocation finds no number that matches the geo rule, or free capacity falls "
                    + "under callmask.pool.low-watermark, CallMask searches the SignalWire project's available numbers "
                    + "(in the shortage's area code, else in area_codes, else anywhere in country), buys one, points "
                    + "its handlers at CallMask and adds it to the pool; never while the pool holds max_numbers. Each "
                    + "purchase is a pool.number_bought event.")
    record AutoBuyView(
            @Schema(description = "Whether it is on.", example = "true") @JsonProperty("enabled")
            boolean enabled,

            @Schema(
                    description = "It buys only while the pool holds fewer numbers than this (purchases under way "
                            + "included), whatever several instances do at once; 1 to 1000.",
                    example = "50")
            @JsonProperty("max_numbers")
            int maxNumbers,

            @Schema(
                    description = "The area codes it may buy in, in order of preference; empty for any in country.",
                    example = "[\"415\", \"628\"]")
            @JsonProperty("area_codes")
            List<String> areaCodes,

            @Schema(description = "ISO 3166 alpha-2: it buys numbers of this country only.", example = "US")
            @JsonProperty("country")
            String country) {

        static AutoBuyView of(org.callmask.service.AutoBuy a) {
            return new AutoBuyView(a.enabled(), a.maxNumbers(), a.areaCodes(), a.country());
        }
    }

    @Schema(
            name = "NumberHandlers",
            description = "A pool number's handlers in SignalWire, and what CallMask did about them.")
    record NumberHandlersView(
            @Schema(description = "The pool number, E.164.", example = "+14155550100") @JsonProperty("number")
            String number,

            @Schema(
                    description = "configured: its handlers point at CallMask now; ok: they did already; "
                            + "wrong-handlers: they point elsewhere (not fixed); not-in-project: the SignalWire "
                            + "project has no such number; failed: SignalWire refused the change or could not be "
                            + "asked (error says why).",
                    allowableValues = {"configured", "ok", "wrong-handlers", "not-in-project", "failed"},
                    example = "configured")
            @JsonProperty("result")
            String result,

            @Schema(
                    description = "SignalWire's id for the number; null when not in the project.",
                    nullable = true,
                    example = "3fa85f64-5717-4562-b3fc-2c963f66afa6")
            @JsonProperty("signalwire_id")
            String signalwireId,

            @Schema(
                    description = "Its call handler before any change, such as relay_script.",
                    nullable = true,
                    example = "laml_webhooks")
            @JsonProperty("call_handler")
            String callHandler,

            @Schema(
                    description = "Its SWML URL before any change.",
                    nullable = true,
                    example = "https://old.example.com/voice")
            @JsonProperty("call_url")
            String callUrl,

            @Schema(description = "Its message handler before any change.", nullable = true, example = "laml_webhooks")
            @JsonProperty("message_handler")
            String messageHandler,

            @Schema(
                    description = "Its message URL before any change.",
                    nullable = true,
                    example = "https://old.example.com/sms")
            @JsonProperty("message_url")
            String messageUrl,

            @Schema(
                    description = "Why the change failed, with SignalWire's code and words.",
                    nullable = true,
                    example = "SignalWire answered 422 (code invalid_parameter): call_relay_script_url is invalid")
            @JsonProperty("error")
            String error) {

        static NumberHandlersView of(NumberSetup.NumberHandlers h) {
            ProjectNumber before = h.before();
            return new NumberHandlersView(
                    h.number().e164(),
                    h.result().wire(),
                    before == null ? null : before.id(),
                    before == null ? null : before.callHandler(),
                    before == null ? null : before.shownCallUrl(),
                    before == null ? null : before.messageHandler(),
                    before == null ? null : before.shownMessageUrl(),
                    h.error());
        }
    }

    @Schema(
            name = "AddedNumbers",
            description = "The numbers asked for as they now are in the pool, and with configure: true what became "
                    + "of their handlers in SignalWire.")
    record AddedNumbersView(
            @Schema(description = "The numbers asked for, in the order given.") @JsonProperty("items")
            List<NumberView> items,

            @Schema(
                    description = "Always null: every number asked for is in items.",
                    nullable = true,
                    example = "MTcxMjE3MjMzMTAwMDpzdmNfMzc1YmExZmJlNDE5MWNhYjQyNDU5NGQ2OWFkZjI1YmM")
            @JsonProperty("next_page_token")
            String nextPageToken,

            @Schema(description = "Only with configure: true: each number's handlers.", nullable = true)
            @JsonProperty("configuration")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            List<NumberHandlersView> configuration) {}

    @Schema(
            name = "Service",
            description = "A tenant with its own pool of numbers and the defaults its sessions follow.")
    record ServiceView(
            @Schema(description = "The service's id.", example = "svc_3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c")
            @JsonProperty("id")
            String id,

            @Schema(
                    description = "Unique among services; usable in paths instead of the id. The built-in service "
                            + "is 'default'.",
                    example = "deliveries")
            @JsonProperty("unique_name")
            String uniqueName,

            @Schema(
                    description =
                            "Seconds a session lives after its last interaction unless it says otherwise; 0: no limit.",
                    example = "86400")
            @JsonProperty("default_ttl")
            long defaultTtl,

            @Schema(
                    description = "Which numbers a participant may get as its proxy number: one in its country, one "
                            + "with its NANP area code (else in its country), or any.",
                    allowableValues = {"country", "area-code", "none"},
                    example = "country")
            @JsonProperty("geo_match")
            String geoMatch,

            @Schema(
                    description = "Whether a participant gets a proxy number it had before first (prefer-sticky) or "
                            + "last (avoid-sticky).",
                    allowableValues = {"prefer-sticky", "avoid-sticky"},
                    example = "prefer-sticky")
            @JsonProperty("number_selection")
            String numberSelection,

            @Schema(
                    description = "Seconds a released (proxy number, participant) pair is kept from that participant's "
                            + "sessions with anyone else.",
                    example = "0")
            @JsonProperty("cool_off")
            long coolOff,

            @Schema(description = "What calls and texts that no active session carries get.")
            @JsonProperty("out_of_session")
            OutOfSessionView outOfSession,

            @Schema(description = "How calls between participants are put through.") @JsonProperty("voice")
            VoiceView voice,

            @Schema(
                    description = "Where events are delivered (signed with the callback secret); null: no events are "
                            + "kept. A session's own callback_url wins.",
                    nullable = true,
                    example = "https://platform.example.com/callmask/events")
            @JsonProperty("callback_url")
            String callbackUrl,

            @Schema(
                    description =
                            "Asked before each call or text a session would put through: 403 blocks it, any 2xx allows it; null: "
                                    + "nobody is asked.",
                    nullable = true,
                    example = "https://platform.example.com/callmask/intercept")
            @JsonProperty("intercept_url")
            String interceptUrl,

            @Schema(
                    description = "What a contact gets when the intercept hook times out, cannot be reached or "
                            + "answers 5xx.",
                    allowableValues = {"allow", "deny"},
                    example = "allow")
            @JsonProperty("intercept_on_failure")
            String interceptOnFailure,

            @Schema(
                    description = "Seconds after a session closed during which an out-of-session callback about one "
                            + "of its participants names it.",
                    example = "86400")
            @JsonProperty("grace_period")
            long gracePeriod,

            @Schema(description = "How the pool looks after itself.") @JsonProperty("pool")
            PoolView pool,

            @Schema(
                    description = "The secret that signs callbacks and hooks. Shown only when the service is created, "
                            + "when the secret is rotated, and when a service from before secrets gets its first.",
                    nullable = true,
                    example = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f")
            @JsonProperty("callback_secret")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String callbackSecret,

            @Schema(description = "When it was created.", example = "2026-12-01T09:30:00Z") @JsonProperty("created_at")
            Instant createdAt,

            @Schema(description = "When it last changed.", example = "2026-12-01T09:30:00Z") @JsonProperty("updated_at")
            Instant updatedAt) {

        static ServiceView of(ProxyService service) {
            return of(service, null);
        }

        /** @param secret shown this once, or {@code null} */
        static ServiceView of(ProxyService service, String secret) {
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
                    s.hooks().callback().map(Object::toString).orElse(null),
                    s.hooks().intercept().map(Object::toString).orElse(null),
                    s.hooks().interceptOnFailure().wire(),
                    s.hooks().gracePeriod().toSeconds(),
                    new PoolView(AutoBuyView.of(s.autoBuy())),
                    secret,
                    service.createdAt(),
                    service.updatedAt());
        }
    }

    @Schema(name = "OutOfSession", description = "What calls and texts that no active session carries get.")
    record OutOfSessionView(
            @Schema(description = "For calls.") @JsonProperty("call")
            CallPolicyView call,

            @Schema(description = "For texts.") @JsonProperty("message")
            MessagePolicyView message) {

        static OutOfSessionView of(OutOfSession policy) {
            return new OutOfSessionView(CallPolicyView.of(policy.call()), MessagePolicyView.of(policy.message()));
        }
    }

    @Schema(name = "OutOfSessionCall", description = "What a call that no active session carries gets.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallPolicyView(
            @Schema(
                    description = "announce: say message, then hang up; forward: put the call through to 'to'; "
                            + "callback: ask the platform at url.",
                    allowableValues = {"announce", "forward", "callback"},
                    example = "announce")
            @JsonProperty("action")
            String action,

            @Schema(
                    description =
                            "announce: what is said before hanging up; absent for the configured refusal " + "message.",
                    nullable = true,
                    example = "This number is no longer in use. Please contact support.")
            @JsonProperty("message")
            String message,

            @Schema(
                    description = "forward: the number calls are put through to, showing the proxy number.",
                    nullable = true,
                    example = "+14155550100")
            @JsonProperty("to")
            String to,

            @Schema(
                    description = "callback: where the platform is asked what to do (signed, 1 s timeout).",
                    nullable = true,
                    example = "https://platform.example.com/callmask/out-of-session")
            @JsonProperty("url")
            String url,

            @Schema(
                    description = "callback: what the call gets when the platform has no answer (204, a failure, a "
                            + "timeout): announce or forward.",
                    nullable = true)
            @JsonProperty("fallback")
            CallPolicyView fallback) {

        static CallPolicyView of(OutOfSession.CallPolicy policy) {
            if (policy instanceof OutOfSession.Forward forward) {
                return new CallPolicyView("forward", null, forward.to().e164(), null, null);
            }
            if (policy instanceof OutOfSession.CallCallback callback) {
                return new CallPolicyView("callback", null, null, callback.url().toString(), of(callback.fallback()));
            }
            return new CallPolicyView("announce", ((OutOfSession.Announce) policy).message(), null, null, null);
        }
    }

    @Schema(name = "OutOfSessionMessage", description = "What a text that no active session carries gets.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessagePolicyView(
            @Schema(
                    description = "drop: answer nothing; reply: send text back from the proxy number; callback: ask "
                            + "the platform at url.",
                    allowableValues = {"drop", "reply", "callback"},
                    example = "drop")
            @JsonProperty("action")
            String action,

            @Schema(
                    description = "reply: the text sent back from the proxy number.",
                    nullable = true,
                    example = "This conversation has ended.")
            @JsonProperty("text")
            String text,

            @Schema(
                    description = "callback: where the platform is asked what to do (signed, 1 s timeout).",
                    nullable = true,
                    example = "https://platform.example.com/callmask/out-of-session")
            @JsonProperty("url")
            String url,

            @Schema(
                    description = "callback: what the text gets when the platform has no answer: drop or reply.",
                    nullable = true)
            @JsonProperty("fallback")
            MessagePolicyView fallback) {

        static MessagePolicyView of(OutOfSession.MessagePolicy policy) {
            if (policy instanceof OutOfSession.Reply reply) {
                return new MessagePolicyView("reply", reply.text(), null, null);
            }
            if (policy instanceof OutOfSession.MessageCallback callback) {
                return new MessagePolicyView("callback", null, callback.url().toString(), of(callback.fallback()));
            }
            return new MessagePolicyView("drop", null, null, null);
        }
    }

    @Schema(name = "Voice", description = "How calls between participants are put through.")
    record VoiceView(
            @Schema(description = "Record both legs of each call from the answer.", example = "false")
            @JsonProperty("record")
            boolean record,

            @Schema(
                    description = "Seconds the other participant's phone rings before the call gives up.",
                    example = "30")
            @JsonProperty("ring_timeout")
            int ringTimeout,

            @Schema(description = "Longest a bridged call may last, in seconds.", example = "14400")
            @JsonProperty("max_duration")
            int maxDuration,

            @Schema(
                    description = "Said to the callee before the two are bridged; null for none.",
                    nullable = true,
                    example = "Call from your courier.")
            @JsonProperty("whisper")
            String whisper,

            @Schema(description = "The caller hears ringing until the callee answers.", example = "true")
            @JsonProperty("answer_on_bridge")
            boolean answerOnBridge) {

        static VoiceView of(VoiceOptions voice) {
            return new VoiceView(
                    voice.record(), voice.ringTimeout(), voice.maxDuration(), voice.whisper(), voice.answerOnBridge());
        }
    }

    @Schema(
            name = "VoiceOverrides",
            description = "A session's changes to its service's voice options; null keeps the service's.")
    record VoiceOverridesView(
            @Schema(description = "Record calls; null: as the service says.", nullable = true, example = "true")
            @JsonProperty("record")
            Boolean record,

            @Schema(
                    description = "Seconds the phone rings; null: as the service says.",
                    nullable = true,
                    example = "20")
            @JsonProperty("ring_timeout")
            Integer ringTimeout,

            @Schema(
                    description = "Longest a bridged call may last, in seconds; null: as the service says.",
                    nullable = true,
                    example = "600")
            @JsonProperty("max_duration")
            Integer maxDuration,

            @Schema(
                    description = "Said to the callee before bridging; \"\": none; null: as the service says.",
                    nullable = true,
                    example = "Call about order 1234.")
            @JsonProperty("whisper")
            String whisper,

            @Schema(
                    description = "The caller hears ringing until the callee answers; null: as the service says.",
                    nullable = true,
                    example = "true")
            @JsonProperty("answer_on_bridge")
            Boolean answerOnBridge) {

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
            @Schema(description = "The pool number's id.", example = "num_0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f")
            @JsonProperty("id")
            String id,

            @Schema(description = "The number, E.164.", example = "+14155550100") @JsonProperty("number")
            String number,

            @Schema(description = "The service whose pool it is in.", example = "svc_3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c")
            @JsonProperty("service_id")
            String serviceId,

            @Schema(description = "ISO 3166 region, from libphonenumber.", example = "US") @JsonProperty("country")
            String country,

            @Schema(description = "NANP area code; null outside +1.", example = "415", nullable = true)
            @JsonProperty("area_code")
            String areaCode,

            @Schema(description = "What it can carry: voice, sms, mms.", example = "[\"voice\", \"sms\", \"mms\"]")
            @JsonProperty("capabilities")
            List<String> capabilities,

            @Schema(
                    description = "Kept out of automatic allocation; given only when asked for by number.",
                    example = "false")
            @JsonProperty("reserved")
            boolean reserved,

            @Schema(
                    description = "Most active routes (participants) it may carry at once; null: no limit.",
                    nullable = true,
                    example = "50")
            @JsonProperty("capacity")
            Integer capacity,

            @Schema(description = "Active routes (participants) it carries now.", example = "3") @JsonProperty("in_use")
            int inUse,

            @Schema(description = "When it was added.", example = "2026-12-01T09:30:00Z") @JsonProperty("created_at")
            Instant createdAt,

            @Schema(description = "When it last changed.", example = "2026-12-01T09:30:00Z") @JsonProperty("updated_at")
            Instant updatedAt) {

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
            @Schema(description = "The session's id.", example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
            @JsonProperty("id")
            String id,

            @Schema(description = "The service it belongs to.", example = "svc_3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c")
            @JsonProperty("service_id")
            String serviceId,

            @Schema(
                    description = "The name it was opened with, unique among the service's open sessions.",
                    nullable = true,
                    example = "order-1234")
            @JsonProperty("unique_name")
            String uniqueName,

            @Schema(
                    description = "What it carries; the other kind gets the service's out-of-session treatment.",
                    allowableValues = {"voice-and-message", "voice-only", "message-only"},
                    example = "voice-and-message")
            @JsonProperty("mode")
            String mode,

            @Schema(
                    description = "open: routing, nothing went through yet; in-progress: a call or text went "
                            + "through; closed: no longer routing.",
                    allowableValues = {"open", "in-progress", "closed"},
                    example = "open")
            @JsonProperty("status")
            String status,

            @Schema(
                    description = "Why it closed: api (closed through the API), expired (its ttl or expires_at "
                            + "passed), number-removed (a proxy number was removed with force=true); null while "
                            + "not closed.",
                    allowableValues = {"api", "expired", "number-removed"},
                    nullable = true,
                    example = "expired")
            @JsonProperty("closed_reason")
            String closedReason,

            @Schema(
                    description = "Sliding lifetime: seconds after the last interaction (or creation); null: none.",
                    nullable = true,
                    example = "86400")
            @JsonProperty("ttl")
            Long ttl,

            @Schema(
                    description = "The absolute end set for it; null: none.",
                    nullable = true,
                    example = "2026-12-01T18:00:00Z")
            @JsonProperty("expires_at")
            Instant expiresAt,

            @Schema(
                    description = "When it stops routing unless something happens: the earlier of expires_at and "
                            + "the last interaction plus ttl; null: never, or closed.",
                    nullable = true,
                    example = "2026-12-02T09:30:00Z")
            @JsonProperty("routes_until")
            Instant routesUntil,

            @Schema(
                    description = "The platform's opaque JSON object, as it was sent; null when none was. No personal "
                            + "data.",
                    implementation = Object.class,
                    types = {"object", "null"},
                    example = "{\"order_id\": \"1234\"}")
            @JsonProperty("metadata")
            JsonNode metadata,

            @Schema(description = "The session's changes to its service's voice options; null when it has none.")
            @JsonProperty("voice")
            VoiceOverridesView voice,

            @Schema(description = "When it was opened.", example = "2026-12-01T09:30:00Z") @JsonProperty("created_at")
            Instant createdAt,

            @Schema(description = "When it last changed.", example = "2026-12-01T09:30:00Z") @JsonProperty("updated_at")
            Instant updatedAt,

            @Schema(
                    description = "When a call or text last went through it; null: none yet.",
                    nullable = true,
                    example = "2026-12-01T09:45:12.345Z")
            @JsonProperty("last_interaction_at")
            Instant lastInteractionAt,

            @Schema(
                    description = "When it closed; null while not closed.",
                    nullable = true,
                    example = "2026-12-02T09:45:12.345Z")
            @JsonProperty("closed_at")
            Instant closedAt,

            @Schema(
                    description = "Where its events go instead of the service's callback_url; null: the service's.",
                    nullable = true,
                    example = "https://platform.example.com/callmask/orders/1234/events")
            @JsonProperty("callback_url")
            String callbackUrl,

            @Schema(description = "Everyone who has taken part, removed participants included.")
            @JsonProperty("participants")
            List<ParticipantView> participants) {

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
                    session.callbackUrl() == null ? null : session.callbackUrl().toString(),
                    session.participants().stream()
                            .map(p -> ParticipantView.of(session, p))
                            .toList());
        }
    }

    @Schema(name = "Participant", description = "One real number in a session, and the proxy number it sees.")
    record ParticipantView(
            @Schema(description = "The participant's id.", example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
            @JsonProperty("id")
            String id,

            @Schema(description = "The session it takes part in.", example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
            @JsonProperty("session_id")
            String sessionId,

            @Schema(description = "The participant's real number, E.164.", example = "+15558001234")
            @JsonProperty("number")
            String number,

            @Schema(description = "The platform's label for it; null: none.", nullable = true, example = "courier")
            @JsonProperty("name")
            String name,

            @Schema(
                    description = "The number this participant calls and texts, and sees the other as.",
                    example = "+14155550100")
            @JsonProperty("proxy_number")
            String proxyNumber,

            @Schema(description = "When it joined.", example = "2026-12-01T09:30:00Z") @JsonProperty("created_at")
            Instant createdAt,

            @Schema(description = "When it last changed.", example = "2026-12-01T09:30:00Z") @JsonProperty("updated_at")
            Instant updatedAt,

            @Schema(
                    description = "When it was removed, freeing its proxy number; null while active.",
                    nullable = true,
                    example = "2026-12-01T10:00:00Z")
            @JsonProperty("removed_at")
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
