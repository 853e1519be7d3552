package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.Map;

/**
 * The request shapes and error examples of the v1 API's OpenAPI description. The controllers read
 * bodies as JSON trees so that one answer names every invalid field; these records exist for the
 * description only and are never bound. The examples' wording is the wording {@link Problems}
 * answers with, so a client reading the description sees what it will get.
 */
final class V1Docs {

    private V1Docs() {}

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    // ---- Request bodies ----

    @Schema(description = "A new service. Only unique_name is required; every other field has a default.")
    record CreateServiceRequest(
            @Schema(
                    description = "Unique among services, and usable in paths instead of the id. 1 to 100 letters, "
                            + "digits, '.', '_' or '-', starting with a letter or digit, and not shaped like an id "
                            + "(svc_…).",
                    example = "deliveries",
                    requiredMode = RequiredMode.REQUIRED,
                    maxLength = 100)
            String unique_name,

            @Schema(
                    description = "Seconds a session lives after its last call or text (or its creation) when it sets "
                            + "no ttl of its own; 0: no limit. 0 to 315360000; default 86400.",
                    example = "86400",
                    minimum = "0",
                    maximum = "315360000")
            Long default_ttl,

            @Schema(
                    description = "Which numbers a participant may get as its proxy number, by where its own number "
                            + "is. country: one in the participant's country; area-code: one with the participant's "
                            + "NANP area code, else one in its country; none: any. Default country.",
                    allowableValues = {"country", "area-code", "none"},
                    example = "country")
            String geo_match,

            @Schema(
                    description = "prefer-sticky: give a participant the proxy number it last had with the same other "
                            + "participant, else one it had before; avoid-sticky: numbers it never had come first. "
                            + "Then the least loaded. Default prefer-sticky.",
                    allowableValues = {"prefer-sticky", "avoid-sticky"},
                    example = "prefer-sticky")
            String number_selection,

            @Schema(
                    description = "Seconds a proxy number released from a participant is kept from that participant's "
                            + "sessions with anyone else, so nobody new calls it from a number it knows. 0 to "
                            + "31536000; default 0.",
                    example = "3600",
                    minimum = "0",
                    maximum = "31536000")
            Long cool_off,

            @Schema(description = "What calls and texts that no active session carries get.")
            OutOfSessionRequest out_of_session,

            @Schema(description = "How calls between participants are put through.")
            VoiceRequest voice,

            @Schema(
                    description = "Where the service's events are POSTed, signed with the callback secret; absent "
                            + "or null: no events are kept. An absolute http(s) URL without user info.",
                    example = "https://platform.example.com/callmask/events",
                    maxLength = 2000,
                    nullable = true)
            String callback_url,

            @Schema(
                    description =
                            "Asked, signed, before each call or text a session would put through: 403 blocks it, any 2xx allows "
                                    + "it. Absent or null: nobody is asked.",
                    example = "https://platform.example.com/callmask/intercept",
                    maxLength = 2000,
                    nullable = true)
            String intercept_url,

            @Schema(
                    description = "What a contact gets when the intercept hook times out, cannot be reached or "
                            + "answers 5xx: allow (default) or deny.",
                    allowableValues = {"allow", "deny"},
                    example = "allow")
            String intercept_on_failure,

            @Schema(
                    description = "Seconds after a session closed during which an out-of-session callback about one "
                            + "of its participants names it; 0 to 2592000, default 86400.",
                    example = "86400",
                    minimum = "0",
                    maximum = "2592000")
            Long grace_period,

            @Schema(description = "How the pool looks after itself.")
            PoolRequest pool) {}

    @Schema(
            description = "Changes to a service. Only the fields sent change; in voice, only the options sent, and in "
                    + "out_of_session, only the policy sent (call or message). Renaming the built-in service "
                    + "'default' is refused (409 built-in-service).")
    record ChangeServiceRequest(
            @Schema(
                    description = "A new unique name: the same rules as on creation. Not null.",
                    example = "deliveries-eu",
                    maxLength = 100)
            String unique_name,

            @Schema(
                    description = "Seconds a new session lives after its last call or text; 0: no limit. Sessions "
                            + "already open keep theirs.",
                    example = "7200",
                    minimum = "0",
                    maximum = "315360000")
            Long default_ttl,

            @Schema(
                    description = "country, area-code or none; applies to proxy numbers given from now on.",
                    allowableValues = {"country", "area-code", "none"},
                    example = "area-code")
            String geo_match,

            @Schema(
                    description = "prefer-sticky or avoid-sticky; applies to proxy numbers given from now on.",
                    allowableValues = {"prefer-sticky", "avoid-sticky"},
                    example = "avoid-sticky")
            String number_selection,

            @Schema(
                    description = "Seconds a released proxy number is kept from the participant's sessions with anyone "
                            + "else; 0 to 31536000.",
                    example = "0",
                    minimum = "0",
                    maximum = "31536000")
            Long cool_off,

            @Schema(description = "The policy sent (call, message or both) replaces that policy.")
            OutOfSessionRequest out_of_session,

            @Schema(description = "The options sent replace those options; the others stay.")
            VoiceRequest voice,

            @Schema(
                    description = "Where the service's events are POSTed, signed with the callback secret; absent "
                            + "or null: no events are kept. An absolute http(s) URL without user info.",
                    example = "https://platform.example.com/callmask/events",
                    maxLength = 2000,
                    nullable = true)
            String callback_url,

            @Schema(
                    description =
                            "Asked, signed, before each call or text a session would put through: 403 blocks it, any 2xx allows "
                                    + "it. Absent or null: nobody is asked.",
                    example = "https://platform.example.com/callmask/intercept",
                    maxLength = 2000,
                    nullable = true)
            String intercept_url,

            @Schema(
                    description = "What a contact gets when the intercept hook times out, cannot be reached or "
                            + "answers 5xx: allow (default) or deny.",
                    allowableValues = {"allow", "deny"},
                    example = "allow")
            String intercept_on_failure,

            @Schema(
                    description = "Seconds after a session closed during which an out-of-session callback about one "
                            + "of its participants names it; 0 to 2592000, default 86400.",
                    example = "86400",
                    minimum = "0",
                    maximum = "2592000")
            Long grace_period,

            @Schema(description = "How the pool looks after itself.")
            PoolRequest pool) {}

    @Schema(description = "How a service's pool looks after itself.")
    record PoolRequest(
            @Schema(description = "Buying numbers by itself.")
            AutoBuyRequest auto_buy) {}

    @Schema(
            description = "Whether CallMask buys numbers for the pool by itself. Each field sent replaces that field. "
                    + "Enabling it needs the SignalWire settings (501 without).")
    record AutoBuyRequest(
            @Schema(description = "Whether it is on. Default false.", example = "true")
            Boolean enabled,

            @Schema(
                    description = "It buys only while the pool holds fewer numbers than this; 1 to 1000, "
                            + "required to enable it.",
                    example = "50",
                    minimum = "1",
                    maximum = "1000")
            Integer max_numbers,

            @Schema(
                    description = "Area codes it may buy in, in order of preference, at most 20; empty or null "
                            + "for any in country.",
                    example = "[\"415\", \"628\"]")
            List<String> area_codes,

            @Schema(description = "ISO 3166 alpha-2 country it buys in. Default US.", example = "US")
            String country) {}

    @Schema(description = "What calls and texts that no active session carries get: each policy replaces the whole.")
    record OutOfSessionRequest(
            @Schema(description = "For calls. Default: announce the configured refusal message.")
            CallPolicyRequest call,

            @Schema(description = "For texts. Default: drop.")
            MessagePolicyRequest message) {}

    @Schema(description = "What a call that no active session carries gets.")
    record CallPolicyRequest(
            @Schema(
                    description = "announce: say message, then hang up; forward: put the call through to 'to', "
                            + "showing the proxy number as the caller; callback: ask the platform at url (not inside "
                            + "a fallback).",
                    allowableValues = {"announce", "forward", "callback"},
                    example = "announce",
                    requiredMode = RequiredMode.REQUIRED)
            String action,

            @Schema(
                    description = "announce only: one line of at most 500 characters; absent or null for the "
                            + "configured refusal message.",
                    example = "This number is no longer in use. Please contact support.",
                    maxLength = 500,
                    nullable = true)
            String message,

            @Schema(
                    description = "forward only, and required for it: the number to put calls through to, E.164. "
                            + "Not a number of any pool, where the call would come straight back.",
                    example = "+15551230000")
            String to,

            @Schema(
                    description = "callback only, and required for it: where the call is POSTed, signed, with a 1 s "
                            + "timeout. The answer {\"session_id\"} routes it through that session, {\"announce\"} "
                            + "says a message; 204 or a failure applies fallback.",
                    example = "https://platform.example.com/callmask/out-of-session",
                    maxLength = 2000)
            String url,

            @Schema(
                    description = "callback only: announce or forward, for when the platform has no answer. Default "
                            + "announce the configured refusal message.")
            CallPolicyRequest fallback) {}

    @Schema(description = "What a text that no active session carries gets.")
    record MessagePolicyRequest(
            @Schema(
                    description = "drop: answer nothing; reply: send text back from the proxy number; callback: ask "
                            + "the platform at url (not inside a fallback).",
                    allowableValues = {"drop", "reply", "callback"},
                    example = "reply",
                    requiredMode = RequiredMode.REQUIRED)
            String action,

            @Schema(
                    description = "reply only, and required for it: one line of at most 500 characters.",
                    example = "This conversation has ended.",
                    maxLength = 500)
            String text,

            @Schema(
                    description = "callback only, and required for it: where the text is POSTed, signed, with a 1 s "
                            + "timeout. The answer {\"session_id\"} routes it through that session, {\"reply\"} "
                            + "texts back; 204 or a failure applies fallback.",
                    example = "https://platform.example.com/callmask/out-of-session",
                    maxLength = 2000)
            String url,

            @Schema(description = "callback only: drop or reply, for when the platform has no answer. Default drop.")
            MessagePolicyRequest fallback) {}

    @Schema(description = "How long the rotated-out secret keeps signing.")
    record RotateSecretRequest(
            @Schema(
                    description =
                            "Seconds the previous secret signs alongside the new one; 0 to 604800, default " + "86400.",
                    example = "3600",
                    minimum = "0",
                    maximum = "604800")
            Long grace_period) {}

    @Schema(description = "How calls between participants are put through. Each option sent replaces that option.")
    record VoiceRequest(
            @Schema(description = "Record both legs of each call from the answer. Default false.", example = "false")
            Boolean record,

            @Schema(
                    description = "Seconds the other participant's phone rings before the call gives up; 5 to 600, "
                            + "default 30.",
                    example = "30",
                    minimum = "5",
                    maximum = "600")
            Integer ring_timeout,

            @Schema(
                    description = "Longest a call may last once bridged, in seconds; 1 to 14400, default 14400.",
                    example = "3600",
                    minimum = "1",
                    maximum = "14400")
            Integer max_duration,

            @Schema(
                    description = "Said to the callee before the two are bridged: one line of at most 500 characters; "
                            + "null for none (the default).",
                    example = "Call from your courier.",
                    maxLength = 500,
                    nullable = true)
            String whisper,

            @Schema(
                    description = "Keep the caller hearing ringing until the callee answers. Default true.",
                    example = "true")
            Boolean answer_on_bridge) {}

    @Schema(
            description = "A session's changes to its service's voice options; an option absent or null keeps the "
                    + "service's.")
    record VoiceOverridesRequest(
            @Schema(description = "Record both legs of each call from the answer.", example = "true")
            Boolean record,

            @Schema(
                    description = "Seconds the other participant's phone rings; 5 to 600.",
                    example = "20",
                    minimum = "5",
                    maximum = "600")
            Integer ring_timeout,

            @Schema(
                    description = "Longest a bridged call may last, in seconds; 1 to 14400.",
                    example = "600",
                    minimum = "1",
                    maximum = "14400")
            Integer max_duration,

            @Schema(
                    description = "Said to the callee before the two are bridged: one line of at most 500 "
                            + "characters; \"\" turns the service's whisper off.",
                    example = "Call about order 1234.",
                    maxLength = 500)
            String whisper,

            @Schema(description = "Keep the caller hearing ringing until the callee answers.", example = "true")
            Boolean answer_on_bridge) {}

    @Schema(
            name = "AddNumbersToServiceRequest",
            description = "Numbers to add to a service's pool, all or none: SignalWire numbers whose call and message "
                    + "webhooks point at this CallMask.")
    record AddNumbersRequest(
            @Schema(
                    description = "1 to 1000 entries. Each is a number in E.164 (all capabilities, not "
                            + "reserved, no capacity limit), or a NumberEntry object. Numbers already in the "
                            + "pool stay as they are.",
                    example = "[\"+14155550100\", {\"number\": \"+14155550101\", \"capabilities\": "
                            + "[\"voice\"], \"reserved\": true, \"capacity\": 10}]",
                    requiredMode = RequiredMode.REQUIRED)
            @ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(oneOf = {String.class, NumberEntry.class}))
            List<Object> numbers,

            @Schema(
                    description = "true: also point each number's handlers in SignalWire at CallMask (calls: "
                            + "SWML URL /calls/route, messages: LaML URL /texts/route, under "
                            + "CALLMASK_PUBLIC_URL); the answer's configuration says what became of each. "
                            + "Needs the SignalWire settings (501 without, and nothing is added).",
                    defaultValue = "false",
                    example = "true")
            Boolean configure) {}

    @Schema(description = "Whether to fix the numbers whose handlers do not point at CallMask.")
    record SyncNumbersRequest(
            @Schema(
                    description = "true: point every pool number whose handlers are wrong at CallMask; false: "
                            + "only report.",
                    defaultValue = "false",
                    example = "true")
            Boolean fix) {}

    @Schema(description = "A number to add, with what it can carry and how it may be given.")
    record NumberEntry(
            @Schema(description = "The number, E.164.", example = "+14155550101", requiredMode = RequiredMode.REQUIRED)
            String number,

            @Schema(
                    description = "What it can carry: one or more of voice, sms, mms. Default all three. A "
                            + "session needs voice for voice-only, sms for message-only, both for "
                            + "voice-and-message.",
                    example = "[\"voice\", \"sms\"]")
            @ArraySchema(minItems = 1, uniqueItems = true, schema = @Schema(allowableValues = {"voice", "sms", "mms"}))
            List<String> capabilities,

            @Schema(
                    description = "Kept out of automatic allocation: given only to a participant that asks for it by "
                            + "proxy_number. Default false.",
                    example = "false")
            Boolean reserved,

            @Schema(
                    description = "Most participants (active routes) it may serve at once, 1 to 2147483647; absent "
                            + "or null: no limit.",
                    example = "50",
                    minimum = "1",
                    maximum = "2147483647",
                    nullable = true)
            Integer capacity) {}

    @Schema(description = "Changes to a pool number. Only the fields sent change.")
    record ChangeNumberRequest(
            @Schema(
                    description = "true: give it only to a participant that asks for it by proxy_number; false: give "
                            + "it automatically again. Sessions already on it keep it. Not null.",
                    example = "true")
            Boolean reserved,

            @Schema(
                    description = "Most participants (active routes) it may serve at once, 1 to 2147483647; null: no "
                            + "limit. Lowering it under in_use takes no route away; it only stops new ones.",
                    example = "25",
                    minimum = "1",
                    maximum = "2147483647",
                    nullable = true)
            Integer capacity) {}

    @Schema(
            description = "A new session. Every field is optional: a session may open empty and take its participants "
                    + "later.")
    record OpenSessionRequest(
            @Schema(
                    description = "Names the session within its service, for safe retries: sending it again while the "
                            + "session is open answers that session (200) if the participants are the same, and 409 "
                            + "unique-name-taken if not. Free again once the session closes. At most 200 characters, "
                            + "not blank.",
                    example = "order-1234",
                    maxLength = 200)
            String unique_name,

            @Schema(
                    description = "What the session carries; the other kind gets the service's out-of-session "
                            + "treatment. Default voice-and-message.",
                    allowableValues = {"voice-and-message", "voice-only", "message-only"},
                    example = "voice-and-message")
            String mode,

            @Schema(
                    description = "Sliding lifetime: seconds after the last call or text (or the opening) at which the "
                            + "session closes; 0: none. 0 to 315360000; default the service's default_ttl.",
                    example = "3600",
                    minimum = "0",
                    maximum = "315360000")
            Long ttl,

            @Schema(
                    description = "Absolute end: ISO 8601 with an offset, in the future. With ttl, the earlier wins.",
                    example = "2026-12-01T18:00:00Z",
                    format = "date-time")
            String expires_at,

            @Schema(
                    description = "The platform's own JSON object, answered back as is: at most 4096 bytes as compact "
                            + "JSON. Keep personal data out of it.",
                    example = "{\"order_id\": \"1234\"}")
            Map<String, Object> metadata,

            @Schema(description = "Changes to the service's voice options for this session only.")
            VoiceOverridesRequest voice,

            @Schema(
                    description = "0 to 2 participants, with different numbers; each gets its own proxy " + "number.",
                    example = "[{\"number\": \"+15559990000\", \"name\": \"customer\"}, "
                            + "{\"number\": \"+15558001234\", \"name\": \"courier\"}]")
            @ArraySchema(maxItems = 2)
            List<ParticipantRequest> participants,

            @Schema(
                    description = "Where this session's events go instead of the service's callback_url (signed with "
                            + "the service's secret); absent or null: the service's.",
                    example = "https://platform.example.com/callmask/orders/1234/events",
                    maxLength = 2000,
                    nullable = true)
            String callback_url) {}

    @Schema(description = "Changes to a session. Only the fields sent change.")
    record ChangeSessionRequest(
            @Schema(
                    description = "closed: close it now (closed_reason api, or expired if its end had passed); open: "
                            + "re-open a closed or expired session, giving each active participant its proxy "
                            + "number back, or another one if it was taken meanwhile. Not null.",
                    allowableValues = {"open", "closed"},
                    example = "closed")
            String status,

            @Schema(
                    description = "New sliding lifetime in seconds, counted from the last call or text; 0: none. Not "
                            + "null.",
                    example = "7200",
                    minimum = "0",
                    maximum = "315360000")
            Long ttl,

            @Schema(
                    description = "New absolute end: ISO 8601 with an offset, in the future; null removes it.",
                    example = "2026-12-02T18:00:00Z",
                    format = "date-time",
                    nullable = true)
            String expires_at,

            @Schema(
                    description = "New mode; refused (409 proxy-number-lacks-capability) when a participant's proxy "
                            + "number cannot carry it. Not null.",
                    allowableValues = {"voice-and-message", "voice-only", "message-only"},
                    example = "voice-only")
            String mode,

            @Schema(
                    description = "Where this session's events go instead of the service's callback_url (signed with "
                            + "the service's secret); null: go back to the service's.",
                    example = "https://platform.example.com/callmask/orders/1234/events",
                    maxLength = 2000,
                    nullable = true)
            String callback_url) {}

    @Schema(
            description = "A participant: a real number that reaches the session's other participant through its own "
                    + "proxy number.")
    record ParticipantRequest(
            @Schema(
                    description = "The participant's real number, E.164. Not a number of any pool, and not already "
                            + "active in the session.",
                    example = "+15558001234",
                    requiredMode = RequiredMode.REQUIRED)
            String number,

            @Schema(
                    description = "A label for the platform, never shown to the other participant: one line of at "
                            + "most 100 characters.",
                    example = "courier",
                    maxLength = 100,
                    nullable = true)
            String name,

            @Schema(
                    description = "Ask for this pool number as the participant's proxy number, even if reserved. "
                            + "Refused with a 409 proxy-number-… type when it breaks an allocation rule; absent: "
                            + "CallMask chooses.",
                    example = "+14155550100")
            String proxy_number) {}

    // ---- Errors ----

    @Schema(
            description = "Every v1 error: an RFC 9457 problem, sent as application/problem+json. Branch on type, "
                    + "never on the words of title or detail.")
    record Problem(
            @Schema(
                    description = "urn:callmask:problem: followed by the stable name of what went wrong: " + ALL_TYPES,
                    example = "urn:callmask:problem:not-found",
                    requiredMode = RequiredMode.REQUIRED)
            String type,

            @Schema(
                    description = "A short summary, the same for every problem of the type.",
                    example = "Not found",
                    requiredMode = RequiredMode.REQUIRED)
            String title,

            @Schema(description = "The HTTP status code.", example = "404", requiredMode = RequiredMode.REQUIRED)
            int status,

            @Schema(
                    description = "What went wrong this time, in English. Never holds a participant's number.",
                    example = "No service has this id or unique name.",
                    requiredMode = RequiredMode.REQUIRED)
            String detail,

            @Schema(description = "The path of the request; absent on 401.", example = "/api/v1/services/deliveries")
            String instance,

            @Schema(
                    description = "invalid-request only: every invalid field, so one answer lists everything to fix.",
                    example = "[{\"field\": \"voice.ring_timeout\", \"message\": \"must be between 5 and 600\"}]")
            List<ProblemFieldError> errors,

            @Schema(description = "number-in-use only: how many active sessions use the number.", example = "2")
            Integer active_sessions) {}

    @Schema(name = "ProblemFieldError", description = "One invalid field of a request.")
    record ProblemFieldError(
            @Schema(
                    description = "Where: a dotted path into the body with list indexes, the name of a query "
                            + "parameter, or \"\" for the body as a whole.",
                    example = "participants[1].number")
            String field,

            @Schema(
                    description = "What is wrong with it.",
                    example = "must be a phone number in E.164 form, such as +14155550123")
            String message) {}

    /** Every problem type the v1 API answers with; {@link Problems} and the security refusals are the source. */
    static final String ALL_TYPES =
            "invalid-request, not-found, unsupported-media-type, method-not-allowed, not-acceptable, "
                    + "unauthorized, service-name-taken, built-in-service, service-has-open-sessions, "
                    + "number-in-another-service, number-in-use, pool-empty, all-numbers-reserved, "
                    + "no-number-with-capability, no-number-in-country, no-number-in-area-code, all-numbers-paired, "
                    + "proxy-number-not-in-pool, proxy-number-lacks-capability, proxy-number-other-country, "
                    + "proxy-number-other-area-code, proxy-number-full, proxy-number-already-paired, "
                    + "proxy-number-cooling-off, unique-name-taken, session-closed, participant-limit, "
                    + "duplicate-participant, expires-at-passed, store-unavailable, mode-not-allowed, "
                    + "participant-removed, no-other-participant, signalwire-not-configured, signalwire-error, "
                    + "signalwire-unavailable, idempotency-key-in-use, idempotency-key-reused.";

    // ---- Descriptions shared by several operations ----

    static final String SERVICE = "Id (svc_…) or unique name of the service";
    static final String NUMBER = "Id (num_…) or the number in E.164 (+ as is or as %2B)";
    static final String SESSION = "Id of the session (ses_…)";
    static final String PARTICIPANT = "Id of the participant (par_…)";
    static final String PAGE_SIZE = "How many items per page: 1 to 500, default 50";
    static final String PAGE_TOKEN = "next_page_token of the previous page; absent for the first page";

    static final String INVALID = "Invalid request: the body is not a JSON object, or fields are missing, unknown, of "
            + "the wrong type or out of range. errors lists each.";
    static final String INVALID_SERVICE = "Invalid request: the body is not a JSON object, or fields are missing, "
            + "unknown, of the wrong type or out of range, or out_of_session.call.to is a pool number. errors lists "
            + "each.";
    static final String UNAUTHORIZED = "No valid API key (Authorization: Bearer <key>, or HTTP Basic with the key as "
            + "password); without configured keys, the request did not come from this machine.";
    static final String UNSUPPORTED = "The body is not sent as application/json (unsupported-media-type).";
    static final String TOO_LARGE = "The body is over callmask.http.max-api-body (1 MB by default). Plain text.";
    static final String STORE =
            "The database did not answer in time (store-unavailable); retry after Retry-After " + "seconds.";

    static final String NO_NUMBER = "pool-empty (the service has no numbers), all-numbers-reserved (every number is "
            + "reserved), no-number-with-capability (no unreserved number carries what the mode needs), "
            + "no-number-in-country (none of those is in the participant's country, with geo_match country or "
            + "area-code), no-number-in-area-code (kept for clients that branch on it: area-code matching falls back to "
            + "the participant's country, so today it gives no-number-in-country instead), all-numbers-paired "
            + "(every matching number already serves the participant in another active session, is full, or is "
            + "cooling off for it)";
    static final String PROXY_REFUSED = "proxy-number-not-in-pool, proxy-number-lacks-capability, "
            + "proxy-number-other-country, proxy-number-other-area-code (geo_match), proxy-number-full (at its "
            + "capacity), proxy-number-already-paired (the participant has it in another active session), "
            + "proxy-number-cooling-off (cool_off)";

    // ---- Examples: problems, worded as Problems.java words them ----

    static final String EXAMPLE_INVALID_FIELDS = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid: ttl must be between 0 and 315360000, …",
             "instance": "/api/v1/services/deliveries/sessions",
             "errors": [
               {"field": "ttl", "message": "must be between 0 and 315360000"},
               {"field": "participants[1].number", "message": "must be a phone number in E.164 form, such as \
            +14155550123"}]}""";
    static final String EXAMPLE_INVALID_SERVICE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid: colour is not a known field; known fields: callback_url, cool_off, \
            default_ttl, geo_match, grace_period, intercept_on_failure, intercept_url, number_selection, out_of_session, \
            pool, unique_name, voice, …",
             "instance": "/api/v1/services",
             "errors": [
               {"field": "colour", "message": "is not a known field; known fields: callback_url, cool_off, \
            default_ttl, geo_match, grace_period, intercept_on_failure, intercept_url, number_selection, out_of_session, \
            pool, unique_name, voice"},
               {"field": "voice.ring_timeout", "message": "must be between 5 and 600"}]}""";
    static final String EXAMPLE_INVALID_GRACE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "grace_period must be between 0 and 604800",
             "instance": "/api/v1/services/deliveries/callback_secret",
             "errors": [{"field": "grace_period", "message": "must be between 0 and 604800"}]}""";
    static final String EXAMPLE_INVALID_NUMBERS = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "numbers[1].capabilities must hold only voice, sms, mms",
             "instance": "/api/v1/services/deliveries/numbers",
             "errors": [{"field": "numbers[1].capabilities", "message": "must hold only voice, sms, mms"}]}""";
    static final String EXAMPLE_INVALID_NUMBER_CHANGE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "capacity must be between 1 and 2147483647",
             "instance": "/api/v1/services/deliveries/numbers/+14155550100",
             "errors": [{"field": "capacity", "message": "must be between 1 and 2147483647"}]}""";
    static final String EXAMPLE_INVALID_FORCE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "force must be true or false",
             "instance": "/api/v1/services/deliveries/numbers/+14155550100",
             "errors": [{"field": "force", "message": "must be true or false"}]}""";
    static final String EXAMPLE_INVALID_PAGE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "page_size must be between 1 and 500",
             "instance": "/api/v1/services",
             "errors": [{"field": "page_size", "message": "must be between 1 and 500"}]}""";
    static final String EXAMPLE_INVALID_FILTER = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "status must be one of open, in-progress, closed",
             "instance": "/api/v1/services/deliveries/sessions",
             "errors": [{"field": "status", "message": "must be one of open, in-progress, closed"}]}""";
    static final String EXAMPLE_INVALID_SESSION_CHANGE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "expires_at must be in the future",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
             "errors": [{"field": "expires_at", "message": "must be in the future"}]}""";
    static final String EXAMPLE_INVALID_PARTICIPANT = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "number is required",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d/participants",
             "errors": [{"field": "number", "message": "is required"}]}""";
    static final String EXAMPLE_INVALID_INCLUDE_REMOVED = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "include_removed must be true or false",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d/participants",
             "errors": [{"field": "include_removed", "message": "must be true or false"}]}""";

    static final String EXAMPLE_UNAUTHORIZED = """
            {"type": "urn:callmask:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "A valid API key is required: send 'Authorization: Bearer <key>' or HTTP Basic auth with the \
            key as password."}""";
    static final String EXAMPLE_UNSUPPORTED = """
            {"type": "urn:callmask:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "Send the body as application/json.", "instance": "/api/v1/services"}""";
    static final String EXAMPLE_STORE = """
            {"type": "urn:callmask:problem:store-unavailable", "title": "Store unavailable", "status": 503,
             "detail": "The database did not answer in time. Retry shortly.", "instance": "/api/v1/services"}""";
    static final String EXAMPLE_TOO_LARGE = "Request body too large: the limit here is 1048576 bytes";

    static final String INTERACTION = "Id of the interaction (int_…)";
    static final String EVENT = "Id of the event (evt_…)";
    static final String EXAMPLE_INTERACTION_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "The service has no interaction with this id.",
             "instance": "/api/v1/services/deliveries/interactions/int_5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"}""";
    static final String EXAMPLE_EVENT_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "The service has no event with this id.",
             "instance": "/api/v1/services/deliveries/events/evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9"}""";
    static final String EXAMPLE_INVALID_EVENT_STATUS = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "status must be one of pending, delivered, failed",
             "instance": "/api/v1/services/deliveries/events",
             "errors": [{"field": "status", "message": "must be one of pending, delivered, failed"}]}""";
    static final String EXAMPLE_INVALID_PAGE_SIZE = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "page_size must be between 1 and 500",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d/interactions",
             "errors": [{"field": "page_size", "message": "must be between 1 and 500"}]}""";
    static final String EXAMPLE_INVALID_INTERACTION_FILTER = """
            {"type": "urn:callmask:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "outcome must be one of connected, forwarded, refused, blocked",
             "instance": "/api/v1/services/deliveries/interactions",
             "errors": [{"field": "outcome", "message": "must be one of connected, forwarded, refused, blocked"}]}""";
    static final String EXAMPLE_SERVICE_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No service has this id or unique name.", "instance": "/api/v1/services/deliveries"}""";
    static final String EXAMPLE_NUMBER_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "The service has no such number.",
             "instance": "/api/v1/services/deliveries/numbers/+14155550100"}""";
    static final String EXAMPLE_SESSION_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "The service has no session with this id.",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d"}""";
    static final String EXAMPLE_PARTICIPANT_NOT_FOUND = """
            {"type": "urn:callmask:problem:not-found", "title": "Not found", "status": 404,
             "detail": "The session has no participant with this id.",
             "instance": "/api/v1/services/deliveries/sessions/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d/participants/\
            par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"}""";

    static final String EXAMPLE_SERVICE_NAME_TAKEN = """
            {"type": "urn:callmask:problem:service-name-taken", "title": "Unique name taken", "status": 409,
             "detail": "Another service is named deliveries.", "instance": "/api/v1/services"}""";
    static final String EXAMPLE_BUILT_IN_SERVICE = """
            {"type": "urn:callmask:problem:built-in-service", "title": "Built-in service", "status": 409,
             "detail": "The service 'default' serves the /api/rest routes: it cannot be renamed or deleted.",
             "instance": "/api/v1/services/default"}""";
    static final String EXAMPLE_SERVICE_HAS_OPEN_SESSIONS = """
            {"type": "urn:callmask:problem:service-has-open-sessions", "title": "Service has open sessions",
             "status": 409, "detail": "Close the service's open sessions before deleting it.",
             "instance": "/api/v1/services/deliveries"}""";
    static final String EXAMPLE_NUMBER_IN_ANOTHER_SERVICE = """
            {"type": "urn:callmask:problem:number-in-another-service", "title": "Number in another service",
             "status": 409,
             "detail": "+14155550100 belongs to another service's pool; a number belongs to one service.",
             "instance": "/api/v1/services/deliveries/numbers"}""";
    static final String EXAMPLE_NUMBER_IN_USE = """
            {"type": "urn:callmask:problem:number-in-use", "title": "Number in use", "status": 409,
             "detail": "+14155550100 is used by 2 active sessions. Close them first, or remove it with ?force=true \
            to close them.",
             "instance": "/api/v1/services/deliveries/numbers/+14155550100", "active_sessions": 2}""";

    private static final String SESSIONS_PATH = "/api/v1/services/deliveries/sessions";
    private static final String SESSION_PATH = SESSIONS_PATH + "/ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
    private static final String PARTICIPANTS_PATH = SESSION_PATH + "/participants";

    static final String EXAMPLE_POOL_EMPTY = """
            {"type": "urn:callmask:problem:pool-empty", "title": "No proxy number available", "status": 409,
             "detail": "The service has no numbers. Add numbers to its pool.", "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_ALL_NUMBERS_RESERVED = """
            {"type": "urn:callmask:problem:all-numbers-reserved", "title": "No proxy number available",
             "status": 409, "detail": "Every number of the service is reserved.", "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_NO_NUMBER_WITH_CAPABILITY = """
            {"type": "urn:callmask:problem:no-number-with-capability", "title": "No proxy number available",
             "status": 409, "detail": "No unreserved number can carry what the session's mode needs.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_NO_NUMBER_IN_COUNTRY = """
            {"type": "urn:callmask:problem:no-number-in-country", "title": "No proxy number available",
             "status": 409,
             "detail": "No unreserved, capable number is in the participant's country (geo_match).",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_NO_NUMBER_IN_AREA_CODE = """
            {"type": "urn:callmask:problem:no-number-in-area-code", "title": "No proxy number available",
             "status": 409,
             "detail": "No unreserved, capable number has the participant's area code (geo_match).",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_ALL_NUMBERS_PAIRED = """
            {"type": "urn:callmask:problem:all-numbers-paired", "title": "No proxy number available",
             "status": 409,
             "detail": "Every number that matches is already paired with the participant in another active \
            session, full, or cooling off for it. Add numbers or close sessions.",
             "instance": \"""" + SESSIONS_PATH + "\"}";

    static final String EXAMPLE_PROXY_NOT_IN_POOL = """
            {"type": "urn:callmask:problem:proxy-number-not-in-pool", "title": "Proxy number refused",
             "status": 409, "detail": "The proxy_number asked for is not one of the service's numbers.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_LACKS_CAPABILITY = """
            {"type": "urn:callmask:problem:proxy-number-lacks-capability", "title": "Proxy number refused",
             "status": 409, "detail": "The proxy number cannot carry what the session's mode needs.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_OTHER_COUNTRY = """
            {"type": "urn:callmask:problem:proxy-number-other-country", "title": "Proxy number refused",
             "status": 409, "detail": "The proxy_number asked for is not in the participant's country.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_OTHER_AREA_CODE = """
            {"type": "urn:callmask:problem:proxy-number-other-area-code", "title": "Proxy number refused",
             "status": 409, "detail": "The proxy_number asked for does not have the participant's area code.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_FULL = """
            {"type": "urn:callmask:problem:proxy-number-full", "title": "Proxy number refused", "status": 409,
             "detail": "The proxy_number asked for carries as many routes as its capacity allows.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_ALREADY_PAIRED = """
            {"type": "urn:callmask:problem:proxy-number-already-paired", "title": "Proxy number refused",
             "status": 409,
             "detail": "The participant already has the proxy_number asked for in another active session.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_PROXY_COOLING_OFF = """
            {"type": "urn:callmask:problem:proxy-number-cooling-off", "title": "Proxy number refused",
             "status": 409, "detail": "The participant had the proxy_number asked for too recently (cool_off).",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_MODE_LACKS_CAPABILITY = """
            {"type": "urn:callmask:problem:proxy-number-lacks-capability", "title": "Proxy number refused",
             "status": 409, "detail": "The proxy number cannot carry what the session's mode needs.",
             "instance": \"""" + SESSION_PATH + "\"}";

    static final String EXAMPLE_UNIQUE_NAME_TAKEN = """
            {"type": "urn:callmask:problem:unique-name-taken", "title": "Unique name taken", "status": 409,
             "detail": "An open session of the service has this unique_name with other participants.",
             "instance": \"""" + SESSIONS_PATH + "\"}";
    static final String EXAMPLE_EXPIRES_AT_PASSED = """
            {"type": "urn:callmask:problem:expires-at-passed", "title": "Session expired", "status": 409,
             "detail": "The session's expires_at has passed. Re-open it with a later expires_at, or null.",
             "instance": \"""" + SESSION_PATH + "\"}";
    static final String EXAMPLE_REOPEN_ALL_NUMBERS_PAIRED = """
            {"type": "urn:callmask:problem:all-numbers-paired", "title": "No proxy number available",
             "status": 409,
             "detail": "Every number that matches is already paired with the participant in another active \
            session, full, or cooling off for it. Add numbers or close sessions.",
             "instance": \"""" + SESSION_PATH + "\"}";
    static final String EXAMPLE_SESSION_CLOSED = """
            {"type": "urn:callmask:problem:session-closed", "title": "Session closed", "status": 409,
             "detail": "The session is closed.", "instance": \"""" + PARTICIPANTS_PATH + "\"}";
    static final String EXAMPLE_PARTICIPANT_LIMIT = """
            {"type": "urn:callmask:problem:participant-limit", "title": "Participant limit", "status": 409,
             "detail": "A session has at most two active participants. Remove one first.",
             "instance": \"""" + PARTICIPANTS_PATH + "\"}";
    static final String EXAMPLE_DUPLICATE_PARTICIPANT = """
            {"type": "urn:callmask:problem:duplicate-participant", "title": "Duplicate participant", "status": 409,
             "detail": "The number already takes part in the session.", "instance": \"""" + PARTICIPANTS_PATH + "\"}";
    static final String EXAMPLE_PARTICIPANT_POOL_EMPTY = """
            {"type": "urn:callmask:problem:pool-empty", "title": "No proxy number available", "status": 409,
             "detail": "The service has no numbers. Add numbers to its pool.", "instance": \"""" + PARTICIPANTS_PATH + "\"}";
    static final String EXAMPLE_PARTICIPANT_PROXY_FULL = """
            {"type": "urn:callmask:problem:proxy-number-full", "title": "Proxy number refused", "status": 409,
             "detail": "The proxy_number asked for carries as many routes as its capacity allows.",
             "instance": \"""" + PARTICIPANTS_PATH + "\"}";

    // ---- Examples: request bodies ----

    static final String CREATE_SERVICE_MINIMAL = """
            {"unique_name": "deliveries"}""";
    static final String CREATE_SERVICE_FULL = """
            {"unique_name": "deliveries", "default_ttl": 86400, "geo_match": "area-code",
             "number_selection": "prefer-sticky", "cool_off": 3600,
             "out_of_session": {
               "call": {"action": "forward", "to": "+15551230000"},
               "message": {"action": "reply", "text": "This conversation has ended."}},
             "voice": {"record": true, "ring_timeout": 25, "max_duration": 3600,
                       "whisper": "Call from your courier.", "answer_on_bridge": true}}""";
    static final String CHANGE_SERVICE = """
            {"default_ttl": 7200, "voice": {"record": false},
             "out_of_session": {"call": {"action": "announce", "message": "This number is no longer in use."}}}""";
    static final String ADD_NUMBERS = """
            {"numbers": ["+14155550100",
                         {"number": "+14155550101", "capabilities": ["voice", "sms"], "reserved": true,
                          "capacity": 10}]}""";
    static final String CHANGE_NUMBER = """
            {"reserved": false, "capacity": null}""";
    static final String OPEN_SESSION = """
            {"unique_name": "order-1234", "mode": "voice-and-message", "ttl": 3600,
             "expires_at": "2026-12-01T18:00:00Z", "metadata": {"order_id": "1234"},
             "voice": {"whisper": "Call about order 1234."},
             "participants": [{"number": "+15559990000", "name": "customer"},
                              {"number": "+15558001234", "name": "courier", "proxy_number": "+14155550100"}]}""";
    static final String OPEN_EMPTY_SESSION = """
            {"unique_name": "order-1235", "mode": "message-only"}""";
    static final String CLOSE_SESSION = """
            {"status": "closed"}""";
    static final String REOPEN_SESSION = """
            {"status": "open", "expires_at": null, "ttl": 3600}""";
    static final String ADD_PARTICIPANT = """
            {"number": "+15558001234", "name": "courier"}""";
    static final String ADD_PARTICIPANT_WITH_PROXY = """
            {"number": "+15558001234", "name": "courier", "proxy_number": "+14155550100"}""";
}
