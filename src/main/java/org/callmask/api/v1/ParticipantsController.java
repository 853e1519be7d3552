package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.ParticipantView;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.ParticipantId;
import org.callmask.session.ProxySession;
import org.callmask.session.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(
        path = "/api/v1/services/{service}/sessions/{session}/participants",
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Participants", description = "The real numbers in a session, each with its own proxy number.")
@ApiResponse(
        responseCode = "401",
        description = V1Docs.UNAUTHORIZED,
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "unauthorized", value = V1Docs.EXAMPLE_UNAUTHORIZED)))
@ApiResponse(
        responseCode = "503",
        description = V1Docs.STORE,
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "store-unavailable", value = V1Docs.EXAMPLE_STORE)))
class ParticipantsController {

    private final Services services;
    private final Sessions sessions;

    ParticipantsController(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @Operation(
            summary = "List participants",
            description = "Every participant the session has had, in the order they joined: removed ones too, with "
                    + "removed_at, unless include_removed=false. One page: next_page_token is always null.")
    @ApiResponse(responseCode = "200", description = "The participants")
    @ApiResponse(
            responseCode = "400",
            description = "include_removed is neither true nor false (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_INCLUDE_REMOVED)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the session in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
    @GetMapping
    PageView<ParticipantView> list(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(
                            description = "false: only the active participants; true: removed ones too",
                            schema = @Schema(type = "boolean", defaultValue = "true"),
                            example = "false")
                    @RequestParam(name = "include_removed", required = false, defaultValue = "true")
                    String includeRemoved) {
        if (!includeRemoved.equals("true") && !includeRemoved.equals("false")) {
            throw InvalidInput.of("include_removed", "must be true or false");
        }
        ProxySession found = sessions.find(services.require(service), SessionsController.id(session));
        List<ParticipantView> items = found.participants().stream()
                .filter(p -> includeRemoved.equals("true") || !p.isRemoved())
                .map(p -> ParticipantView.of(found, p))
                .toList();
        return new PageView<>(items, null);
    }

    @Operation(
            summary = "Add a participant",
            description = "To an open session with fewer than two active participants, such as one whose participant "
                    + "was removed. The new participant gets its own proxy number by the same rules as when a session "
                    + "opens, or the proxy_number it asks for if that breaks none.")
    @ApiResponse(
            responseCode = "201",
            description = "The participant, with its proxy number",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = ParticipantView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid request: number is missing or not E.164, name is not one line of at most 100 "
                    + "characters, an unknown field was sent, or the number is a pool number (field participants). "
                    + "errors lists each.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_PARTICIPANT)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the session in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "session-closed: the session is closed or past its end. participant-limit: it has two active "
                    + "participants already. duplicate-participant: the number is already active in it. When the "
                    + "participant can be given no proxy number: " + V1Docs.NO_NUMBER + ". When the proxy_number "
                    + "asked for breaks a rule: " + V1Docs.PROXY_REFUSED + ".",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = {
                                @ExampleObject(name = "session-closed", value = V1Docs.EXAMPLE_SESSION_CLOSED),
                                @ExampleObject(name = "participant-limit", value = V1Docs.EXAMPLE_PARTICIPANT_LIMIT),
                                @ExampleObject(
                                        name = "duplicate-participant",
                                        value = V1Docs.EXAMPLE_DUPLICATE_PARTICIPANT),
                                @ExampleObject(name = "pool-empty", value = V1Docs.EXAMPLE_PARTICIPANT_POOL_EMPTY),
                                @ExampleObject(
                                        name = "proxy-number-full",
                                        value = V1Docs.EXAMPLE_PARTICIPANT_PROXY_FULL)
                            }))
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
                            examples =
                                    @ExampleObject(
                                            name = "unsupported-media-type",
                                            value = V1Docs.EXAMPLE_UNSUPPORTED)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ParticipantView> add(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.ParticipantRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "participant",
                                                        summary = "CallMask chooses the proxy number",
                                                        value = V1Docs.ADD_PARTICIPANT),
                                                @ExampleObject(
                                                        name = "with-proxy-number",
                                                        summary = "Asking for a proxy number, even a reserved one",
                                                        value = V1Docs.ADD_PARTICIPANT_WITH_PROXY)
                                            }))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        var participant = SessionRequests.newParticipant(body);
        ProxySession changed = sessions.addParticipant(owner, SessionsController.id(session), participant);
        ParticipantView added = changed.activeParticipants().stream()
                .filter(p -> p.number().equals(participant.number()))
                .findFirst()
                .map(p -> ParticipantView.of(changed, p))
                .orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @Operation(
            summary = "Get a participant",
            description = "An active or removed participant of the session, with its proxy number.")
    @ApiResponse(
            responseCode = "200",
            description = "The participant",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = ParticipantView.class)))
    @ApiResponse(
            responseCode = "404",
            description =
                    "The service, the session in it, or the participant in the session does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_PARTICIPANT_NOT_FOUND)))
    @GetMapping("/{participant}")
    ParticipantView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(description = V1Docs.PARTICIPANT, example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
                    @PathVariable("participant")
                    String participant) {
        ProxySession found = sessions.find(services.require(service), SessionsController.id(session));
        return found.participants().stream()
                .filter(p -> p.id().value().equals(participant))
                .findFirst()
                .map(p -> ParticipantView.of(found, p))
                .orElseThrow(() -> new NotFound("The session has no participant with this id."));
    }

    @Operation(
            summary = "Remove a participant",
            description = "Frees its proxy number and marks it removed; the session stays open for a replacement, and "
                    + "until then the other participant's calls and texts get the out-of-session treatment.")
    @ApiResponse(responseCode = "204", description = "Removed, or already removed", content = @Content)
    @ApiResponse(
            responseCode = "404",
            description =
                    "The service, the session in it, or the participant in the session does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_PARTICIPANT_NOT_FOUND)))
    @DeleteMapping("/{participant}")
    ResponseEntity<Void> remove(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(description = V1Docs.PARTICIPANT, example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
                    @PathVariable("participant")
                    String participant) {
        if (!ParticipantId.looksLikeOne(participant)) {
            throw new NotFound("The session has no participant with this id.");
        }
        sessions.removeParticipant(
                services.require(service), SessionsController.id(session), new ParticipantId(participant));
        return ResponseEntity.noContent().build();
    }
}
