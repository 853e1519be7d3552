package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.SessionView;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.SessionChanges;
import org.callmask.session.SessionFilter;
import org.callmask.session.SessionId;
import org.callmask.session.SessionOpened;
import org.callmask.session.SessionStatus;
import org.callmask.session.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/services/{service}/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Participants who reach each other through their own proxy numbers.")
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
class SessionsController {

    private final Services services;
    private final Sessions sessions;

    SessionsController(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @Operation(
            summary = "Open a session",
            description = "With zero, one or two participants; each gets its own proxy number, the number it calls "
                    + "and texts to reach the other, and the number the other shows as. A proxy number is never one "
                    + "the participant already has in another active session, carries what the mode needs, is not "
                    + "reserved (unless asked for by proxy_number), is under its capacity, is not cooling off for the "
                    + "participant, and matches the service's geo_match; among those, number_selection and the load "
                    + "decide. A unique_name of an open session with the same participants answers that session "
                    + "with 200 (a safe retry); with other participants, 409 unique-name-taken. All or nothing: "
                    + "when one participant can get no number, no session is opened.")
    @ApiResponse(
            responseCode = "201",
            description = "The new session, with each participant's proxy number",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The open session that already has this unique_name and these participants, unchanged",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(
            responseCode = "400",
            description =
                    "Invalid request: a field is missing, unknown, of the wrong type or out of range; expires_at is "
                            + "not in the future; the two participants have the same number (field participants); or a "
                            + "participant is a pool number (field participants). errors lists each.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_FIELDS)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "unique-name-taken: an open session of the service has this unique_name with other "
                    + "participants. When a participant can be given no proxy number, the type names the first "
                    + "rule no number meets: " + V1Docs.NO_NUMBER + ". When a proxy_number asked for breaks a rule: "
                    + V1Docs.PROXY_REFUSED + ".",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = {
                                @ExampleObject(name = "unique-name-taken", value = V1Docs.EXAMPLE_UNIQUE_NAME_TAKEN),
                                @ExampleObject(name = "pool-empty", value = V1Docs.EXAMPLE_POOL_EMPTY),
                                @ExampleObject(
                                        name = "all-numbers-reserved",
                                        value = V1Docs.EXAMPLE_ALL_NUMBERS_RESERVED),
                                @ExampleObject(
                                        name = "no-number-with-capability",
                                        value = V1Docs.EXAMPLE_NO_NUMBER_WITH_CAPABILITY),
                                @ExampleObject(
                                        name = "no-number-in-country",
                                        value = V1Docs.EXAMPLE_NO_NUMBER_IN_COUNTRY),
                                @ExampleObject(
                                        name = "no-number-in-area-code",
                                        value = V1Docs.EXAMPLE_NO_NUMBER_IN_AREA_CODE),
                                @ExampleObject(name = "all-numbers-paired", value = V1Docs.EXAMPLE_ALL_NUMBERS_PAIRED),
                                @ExampleObject(
                                        name = "proxy-number-not-in-pool",
                                        value = V1Docs.EXAMPLE_PROXY_NOT_IN_POOL),
                                @ExampleObject(
                                        name = "proxy-number-lacks-capability",
                                        value = V1Docs.EXAMPLE_PROXY_LACKS_CAPABILITY),
                                @ExampleObject(
                                        name = "proxy-number-other-country",
                                        value = V1Docs.EXAMPLE_PROXY_OTHER_COUNTRY),
                                @ExampleObject(
                                        name = "proxy-number-other-area-code",
                                        value = V1Docs.EXAMPLE_PROXY_OTHER_AREA_CODE),
                                @ExampleObject(name = "proxy-number-full", value = V1Docs.EXAMPLE_PROXY_FULL),
                                @ExampleObject(
                                        name = "proxy-number-already-paired",
                                        value = V1Docs.EXAMPLE_PROXY_ALREADY_PAIRED),
                                @ExampleObject(
                                        name = "proxy-number-cooling-off",
                                        value = V1Docs.EXAMPLE_PROXY_COOLING_OFF)
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
    ResponseEntity<SessionView> open(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.OpenSessionRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "two-participants",
                                                        summary = "Two participants, one asking for its proxy number",
                                                        value = V1Docs.OPEN_SESSION),
                                                @ExampleObject(
                                                        name = "empty",
                                                        summary = "No participants yet; they join later",
                                                        value = V1Docs.OPEN_EMPTY_SESSION)
                                            }))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        SessionOpened opened = sessions.open(owner, SessionRequests.newSession(body));
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SessionView.of(opened.session()));
    }

    @Operation(
            summary = "List sessions",
            description = "The service's sessions in the order they were created, closed ones included until "
                    + "retention purges them; every filter given must match. Follow next_page_token (with the same "
                    + "filters) until it is null.")
    @ApiResponse(responseCode = "200", description = "One page of sessions")
    @ApiResponse(
            responseCode = "400",
            description = "A filter, page_size or page_token is not valid (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_FILTER)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @GetMapping
    PageView<SessionView> list(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(
                            description = "Only sessions with this status: open, in-progress or closed",
                            schema = @Schema(allowableValues = {"open", "in-progress", "closed"}),
                            example = "open")
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(
                            description = "Only sessions this number takes part in, in full (E.164; + as %2B)",
                            example = "+15558001234")
                    @RequestParam(name = "participant", required = false)
                    String participant,
            @Parameter(
                            description = "Only sessions where a participant has this proxy number (E.164; + as %2B)",
                            example = "+14155550100")
                    @RequestParam(name = "proxy_number", required = false)
                    String proxyNumber,
            @Parameter(description = "Only the sessions with this unique_name", example = "order-1234")
                    @RequestParam(name = "unique_name", required = false)
                    String uniqueName,
            @Parameter(
                            description = "Only sessions created at or after this time: ISO 8601 with an offset",
                            schema = @Schema(type = "string", format = "date-time"),
                            example = "2026-12-01T00:00:00Z")
                    @RequestParam(name = "created_after", required = false)
                    String createdAfter,
            @Parameter(
                            description = "Only sessions created before this time: ISO 8601 with an offset",
                            schema = @Schema(type = "string", format = "date-time"),
                            example = "2026-12-02T00:00:00Z")
                    @RequestParam(name = "created_before", required = false)
                    String createdBefore,
            @Parameter(
                            description = V1Docs.PAGE_SIZE,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"),
                            example = "50")
                    @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = V1Docs.PAGE_TOKEN) @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        ProxyService owner = services.require(service);
        SessionFilter filter = new SessionFilter(
                Optional.ofNullable(status)
                        .map(s -> SessionStatus.of(s)
                                .orElseThrow(
                                        () -> InvalidInput.of("status", "must be one of open, in-progress, closed"))),
                Optional.ofNullable(participant).map(p -> Fields.numberParameter("participant", p)),
                Optional.ofNullable(proxyNumber).map(p -> Fields.numberParameter("proxy_number", p)),
                Optional.ofNullable(uniqueName),
                Optional.ofNullable(createdAfter).map(t -> Fields.timeParameter("created_after", t)),
                Optional.ofNullable(createdBefore).map(t -> Fields.timeParameter("created_before", t)));
        return PageView.of(sessions.page(owner, filter, Paging.of(pageSize, pageToken)), SessionView::of);
    }

    @Operation(
            summary = "Get a session",
            description = "With its participants, removed ones included (removed_at set), and routes_until: when "
                    + "it stops routing unless a call or text slides its ttl.")
    @ApiResponse(
            responseCode = "200",
            description = "The session",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the session in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
    @GetMapping("/{session}")
    SessionView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session) {
        return SessionView.of(sessions.find(services.require(service), id(session)));
    }

    @Operation(
            summary = "Change a session",
            description = "status closed closes it (closed_reason api, or expired if its end had passed) and "
                    + "frees its proxy numbers; status open re-opens a closed or expired one, giving each active "
                    + "participant its proxy number back, or another one if it was taken meanwhile. ttl (0: none), "
                    + "expires_at (null: none) and mode change it in place; a new lifetime counts from the last call "
                    + "or text.")
    @ApiResponse(
            responseCode = "200",
            description = "The session as changed",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_SESSION_CHANGE)))
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
            description = "proxy-number-lacks-capability: a participant's proxy number cannot carry the new mode. "
                    + "expires-at-passed: re-opening a session whose expires_at has passed; send a later expires_at, "
                    + "or null, with it. Re-opening when a participant can be given no proxy number: "
                    + V1Docs.NO_NUMBER + ".",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = {
                                @ExampleObject(
                                        name = "proxy-number-lacks-capability",
                                        value = V1Docs.EXAMPLE_MODE_LACKS_CAPABILITY),
                                @ExampleObject(name = "expires-at-passed", value = V1Docs.EXAMPLE_EXPIRES_AT_PASSED),
                                @ExampleObject(
                                        name = "all-numbers-paired",
                                        value = V1Docs.EXAMPLE_REOPEN_ALL_NUMBERS_PAIRED)
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
    @PatchMapping(path = "/{session}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView change(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.ChangeSessionRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "close",
                                                        summary = "Close it now",
                                                        value = V1Docs.CLOSE_SESSION),
                                                @ExampleObject(
                                                        name = "re-open",
                                                        summary = "Re-open it for an hour after the last call or text",
                                                        value = V1Docs.REOPEN_SESSION)
                                            }))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        SessionChanges changes = SessionRequests.changes(body);
        return SessionView.of(sessions.change(owner, id(session), changes));
    }

    @Operation(
            summary = "Close a session",
            description = "The same as PATCH with status closed: it closes (closed_reason api, or expired if its "
                    + "end had passed), its proxy numbers are freed, and it stays on record until retention purges "
                    + "it. Closing a closed session changes nothing and is not an error.")
    @ApiResponse(responseCode = "204", description = "Closed", content = @Content)
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the session in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
    @DeleteMapping("/{session}")
    ResponseEntity<Void> close(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session) {
        ProxyService owner = services.require(service);
        sessions.change(
                owner,
                id(session),
                new SessionChanges(
                        Optional.of(SessionStatus.CLOSED),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return ResponseEntity.noContent().build();
    }

    static SessionId id(String text) {
        if (!SessionId.looksLikeOne(text)) {
            throw new NotFound("The service has no session with this id.");
        }
        return new SessionId(text);
    }
}
