package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.ParticipantId;
import org.callmask.signalwire.OutboundMessage;
import org.callmask.signalwire.SessionCalls;
import org.callmask.signalwire.SessionMessages;
import org.callmask.signalwire.Started;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/services/{service}/sessions/{session}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Messages and calls",
        description = "Messages and calls the platform starts within a session, sent by CallMask through SignalWire's "
                + "REST API from the proxy numbers the participants know. Needs CALLMASK_SIGNALWIRE_SPACE_URL, "
                + "CALLMASK_SIGNALWIRE_PROJECT_ID, CALLMASK_SIGNALWIRE_API_TOKEN and CALLMASK_PUBLIC_URL (501 "
                + "without). Send an Idempotency-Key to make a retry safe: a request repeated with the same key "
                + "gets the first one's interaction (header Idempotent-Replayed: true) and nothing is sent again.")
@ApiResponse(
        responseCode = "401",
        description = V1Docs.UNAUTHORIZED,
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "unauthorized", value = V1Docs.EXAMPLE_UNAUTHORIZED)))
@ApiResponse(
        responseCode = "404",
        description = "The service, the session in it, or the participant does not exist (not-found).",
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
@ApiResponse(
        responseCode = "409",
        description = "session-closed: the session is closed. mode-not-allowed: its mode does not carry this kind of "
                + "contact. participant-removed: the participant was removed. no-other-participant: a call has no one "
                + "to connect to. Nothing was sent. idempotency-key-in-use: a request with the same Idempotency-Key "
                + "is under way; repeat it in a moment to get its interaction.",
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = {
                            @ExampleObject(name = "session-closed", value = V1Docs.EXAMPLE_SESSION_CLOSED),
                            @ExampleObject(name = "mode-not-allowed", value = ContactsController.EXAMPLE_MODE),
                            @ExampleObject(name = "participant-removed", value = ContactsController.EXAMPLE_REMOVED),
                            @ExampleObject(name = "no-other-participant", value = ContactsController.EXAMPLE_ALONE),
                            @ExampleObject(
                                    name = "idempotency-key-in-use",
                                    value = ContactsController.EXAMPLE_KEY_IN_USE)
                        }))
@ApiResponse(
        responseCode = "422",
        description = "idempotency-key-reused: the Idempotency-Key came before with a different request (another "
                + "session, participant or content). Nothing was sent.",
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples =
                                @ExampleObject(
                                        name = "idempotency-key-reused",
                                        value = ContactsController.EXAMPLE_KEY_REUSED)))
@ApiResponse(
        responseCode = "413",
        description = V1Docs.TOO_LARGE,
        content =
                @Content(
                        mediaType = "text/plain",
                        examples = @ExampleObject(name = "too-large", value = V1Docs.EXAMPLE_TOO_LARGE)))
@ApiResponse(
        responseCode = "415",
        description = V1Docs.UNSUPPORTED,
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "unsupported-media-type", value = V1Docs.EXAMPLE_UNSUPPORTED)))
@ApiResponse(
        responseCode = "501",
        description = "signalwire-not-configured: missing_settings lists the settings to set. Nothing was recorded "
                + "or sent.",
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples =
                                @ExampleObject(
                                        name = "signalwire-not-configured",
                                        value = ContactsController.EXAMPLE_NOT_CONFIGURED)))
@ApiResponse(
        responseCode = "502",
        description = "signalwire-error: SignalWire refused the request (a 4xx, or a 429 or 503 that retries did not "
                + "get past); signalwire_status, signalwire_code and signalwire_message are SignalWire's. The "
                + "interaction stays on record, failed (messages) or ended (calls), with end_reason "
                + "signalwire-<code>; nothing was sent, so its Idempotency-Key is free for a retry.",
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples =
                                @ExampleObject(name = "signalwire-error", value = ContactsController.EXAMPLE_REJECTED)))
@ApiResponse(
        responseCode = "503",
        description = "signalwire-unavailable: SignalWire could not be reached, did not answer in time, or failed so "
                + "often of late that CallMask stopped calling it for a while, or asked for a longer wait than "
                + "callmask.signalwire.retry-max-wait (Retry-After says how long). outcome_unknown is true when "
                + "SignalWire got the request but did not answer in time, or answered with a 5xx other than 503: it "
                + "may have acted; a retry with the same Idempotency-Key gets this interaction, whose status "
                + "callbacks tell. When false, nothing was sent and the key is free. Also store-unavailable.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples =
                                @ExampleObject(
                                        name = "signalwire-unavailable",
                                        value = ContactsController.EXAMPLE_UNAVAILABLE)))
class ContactsController {

    static final String EXAMPLE_MODE = """
            {"type":"urn:callmask:problem:mode-not-allowed","title":"Not carried in this mode","status":409,\
            "detail":"The session's mode does not carry this kind of contact."}""";

    static final String EXAMPLE_REMOVED = """
            {"type":"urn:callmask:problem:participant-removed","title":"Participant removed","status":409,\
            "detail":"The participant was removed from the session."}""";

    static final String EXAMPLE_ALONE = """
            {"type":"urn:callmask:problem:no-other-participant","title":"No other participant","status":409,\
            "detail":"The session has no other participant to connect the call to."}""";

    static final String EXAMPLE_KEY_IN_USE = """
            {"type":"urn:callmask:problem:idempotency-key-in-use","title":"Idempotency key in use","status":409,\
            "detail":"A request with this Idempotency-Key is under way; try again in a moment to get its interaction."}""";

    static final String EXAMPLE_KEY_REUSED = """
            {"type":"urn:callmask:problem:idempotency-key-reused","title":"Idempotency key reused","status":422,\
            "detail":"This Idempotency-Key came with a different request before; use a new key for a new request."}""";

    static final String EXAMPLE_NOT_CONFIGURED = """
            {"type":"urn:callmask:problem:signalwire-not-configured","title":"SignalWire not configured",\
            "status":501,"detail":"This needs CallMask to call SignalWire's REST API. Set \
            CALLMASK_SIGNALWIRE_API_TOKEN and restart.","missing_settings":["CALLMASK_SIGNALWIRE_API_TOKEN"]}""";

    static final String EXAMPLE_REJECTED = """
            {"type":"urn:callmask:problem:signalwire-error","title":"SignalWire refused the request",\
            "status":502,"detail":"SignalWire answered 400: The 'From' number is not a valid phone number.",\
            "signalwire_status":400,"signalwire_code":"21212",\
            "signalwire_message":"The 'From' number is not a valid phone number."}""";

    static final String EXAMPLE_UNAVAILABLE = """
            {"type":"urn:callmask:problem:signalwire-unavailable","title":"SignalWire unavailable",\
            "status":503,"detail":"SignalWire did not answer in time; whether it acted is not known.",\
            "outcome_unknown":true}""";

    static final String EXAMPLE_INVALID_MESSAGE = """
            {"type":"urn:callmask:problem:invalid-request","title":"Invalid request","status":400,\
            "detail":"media_urls must hold only http(s) URLs of at most 2048 characters",\
            "errors":[{"field":"media_urls","message":"must hold only http(s) URLs of at most 2048 characters"}]}""";

    static final String EXAMPLE_INVALID_CALL = """
            {"type":"urn:callmask:problem:invalid-request","title":"Invalid request","status":400,\
            "detail":"first_participant is required",\
            "errors":[{"field":"first_participant","message":"is required"}]}""";

    static final String IDEMPOTENCY_KEY = "Makes a retry safe: a request with a key the service has seen gets the "
            + "first request's interaction, and nothing is sent again; the same key with a different request is "
            + "refused (422). A key whose request SignalWire certainly did not carry out is freed. 1 to 255 "
            + "printable ASCII characters.";

    private final Services services;
    private final SessionMessages messages;
    private final SessionCalls calls;

    ContactsController(Services services, SessionMessages messages, SessionCalls calls) {
        this.services = services;
        this.messages = messages;
        this.calls = calls;
    }

    @Operation(
            summary = "Send a message to a participant",
            description = "Sent from the proxy number the recipient knows the session by, through SignalWire's "
                    + "Compatibility API, with a status callback that moves the interaction through queued, sent, "
                    + "delivered (or undelivered, failed). body (at most 1600 characters) and/or media_urls (at "
                    + "most 8 http(s) URLs). Counts as an interaction: the session turns in-progress and its ttl "
                    + "slides. The body and media are kept only with callmask.interactions.store-content=true.")
    @ApiResponse(
            responseCode = "202",
            description = "SignalWire took the message; the interaction (origin api, no from_participant)",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = InteractionView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = EXAMPLE_INVALID_MESSAGE)))
    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InteractionView> send(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(description = IDEMPOTENCY_KEY, example = "order-1234-arrived")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = MessageRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "courier-outside",
                                                            value = "{\"to_participant\": "
                                                                    + "\"par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d\", "
                                                                    + "\"body\": \"Your courier is outside.\"}")))
                    @RequestBody(required = false)
                    JsonNode body) {
        String key = idempotencyKey(idempotencyKey);
        ProxyService owner = services.require(service);
        OutboundMessage message = message(body);
        return answer(messages.send(owner, SessionsController.id(session), message, key));
    }

    @Operation(
            summary = "Start a call between the participants",
            description = "CallMask dials first_participant from the proxy number they know the session by (SignalWire "
                    + "Calling API, dial with a SWML URL of CallMask's); once they answer, it connects them to the "
                    + "other participant, who sees the proxy number they know, with the session's voice options "
                    + "(ring timeout, recording, whisper, longest duration). If the session closed or the other "
                    + "participant was removed by then, the first hears the refusal message. The interaction's "
                    + "status follows the call: ringing, answered, ended.")
    @ApiResponse(
            responseCode = "202",
            description = "SignalWire is dialling; the interaction (origin api, from_participant the first)",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = InteractionView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = EXAMPLE_INVALID_CALL)))
    @PostMapping(path = "/calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InteractionView> call(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(description = IDEMPOTENCY_KEY, example = "order-1234-call-courier")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = CallRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "call-the-courier",
                                                            value = "{\"first_participant\": "
                                                                    + "\"par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d\"}")))
                    @RequestBody(required = false)
                    JsonNode body) {
        String key = idempotencyKey(idempotencyKey);
        ProxyService owner = services.require(service);
        Fields fields = Fields.of(body, "first_participant");
        Optional<ParticipantId> first = participant(fields, "first_participant");
        fields.requireValid();
        return answer(calls.start(owner, SessionsController.id(session), first.orElseThrow(), key));
    }

    private static ResponseEntity<InteractionView> answer(Started started) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", String.valueOf(started.replayed()))
                .body(InteractionView.of(started.interaction()));
    }

    private static OutboundMessage message(JsonNode body) {
        Fields fields = Fields.of(body, "to_participant", "body", "media_urls");
        Optional<ParticipantId> to = participant(fields, "to_participant");
        Optional<String> text = fields.text("body", OutboundMessage.MAX_BODY);
        List<URI> media = new ArrayList<>();
        JsonNode raw = fields.raw("media_urls");
        if (raw != null && !raw.isNull()) {
            if (!raw.isArray() || raw.size() > OutboundMessage.MAX_MEDIA) {
                fields.error("media_urls", "must be a list of at most " + OutboundMessage.MAX_MEDIA + " URLs");
            } else {
                for (int i = 0; i < raw.size(); i++) {
                    mediaUrl(raw.get(i))
                            .ifPresentOrElse(
                                    media::add,
                                    () -> fields.error(
                                            "media_urls", "must hold only http(s) URLs of at most 2048 characters"));
                }
            }
        }
        if (text.filter(t -> !t.isEmpty()).isEmpty() && media.isEmpty() && fields.raw("body") == null) {
            fields.error("body", "is required unless media_urls are given");
        } else if (text.filter(t -> !t.isEmpty()).isEmpty()
                && media.isEmpty()
                && fields.raw("body").isString()) {
            fields.error("body", "must not be empty unless media_urls are given");
        }
        fields.requireValid();
        return new OutboundMessage(
                to.orElseThrow(), text.filter(t -> !t.isEmpty()).orElse(null), media);
    }

    private static Optional<URI> mediaUrl(JsonNode node) {
        if (!node.isString() || node.asString().length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(node.asString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<ParticipantId> participant(Fields fields, String name) {
        Optional<String> id = fields.requiredText(name, 64);
        if (id.isPresent() && !ParticipantId.looksLikeOne(id.get())) {
            fields.error(name, "must be a participant id (par_…)");
            return Optional.empty();
        }
        return id.map(ParticipantId::new);
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > 255 || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidInput.of("Idempotency-Key", "must be 1 to 255 printable ASCII characters without spaces");
        }
        return header;
    }

    @Schema(name = "SendMessageRequest", description = "A message to one participant of the session.")
    record MessageRequest(
            @Schema(
                    description = "The participant who gets it (par_…), an active one.",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
            String to_participant,

            @Schema(
                    description = "The text, at most 1600 characters; required unless media_urls are given.",
                    maxLength = 1600,
                    example = "Your courier is outside.")
            String body,

            @Schema(
                    description = "Media SignalWire fetches and sends: at most 8 http(s) URLs.",
                    example = "[\"https://cdn.example.com/receipts/1234.jpg\"]")
            List<String> media_urls) {}

    @Schema(name = "StartCallRequest", description = "A call between the session's two participants.")
    record CallRequest(
            @Schema(
                    description = "The participant dialled first (par_…); once they answer, the other is " + "dialled.",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
            String first_participant) {}
}
