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
import org.callmask.interaction.InteractionFilter;
import org.callmask.interaction.InteractionId;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.InteractionType;
import org.callmask.interaction.Outcome;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionId;
import org.callmask.session.Sessions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/services/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Interactions",
        description = "Every call and message that reached a proxy number, what CallMask did with it, and what "
                + "SignalWire's status callbacks reported afterwards.")
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
class InteractionsController {

    private final Services services;
    private final Sessions sessions;
    private final InteractionLog interactions;

    InteractionsController(Services services, Sessions sessions, InteractionLog interactions) {
        this.services = services;
        this.sessions = sessions;
        this.interactions = interactions;
    }

    @Operation(
            summary = "List interactions",
            description = "The service's interactions in the order they happened; every filter given must match. "
                    + "Follow next_page_token (with the same filters) until it is null. Interactions are deleted with "
                    + "their session when retention purges it.")
    @ApiResponse(responseCode = "200", description = "One page of interactions")
    @ApiResponse(
            responseCode = "400",
            description = "A filter, page_size or page_token is not valid (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_INTERACTION_FILTER)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @GetMapping("/interactions")
    PageView<InteractionView> list(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(
                            description = "Only this session's interactions (ses_…)",
                            example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @RequestParam(name = "session_id", required = false)
                    String sessionId,
            @Parameter(
                            description = "Only calls or only messages",
                            schema = @Schema(allowableValues = {"call", "message"}),
                            example = "call")
                    @RequestParam(name = "type", required = false)
                    String type,
            @Parameter(
                            description = "Only this outcome",
                            schema = @Schema(allowableValues = {"connected", "forwarded", "refused", "blocked"}),
                            example = "refused")
                    @RequestParam(name = "outcome", required = false)
                    String outcome,
            @Parameter(description = "Only those that happened at or after this time", example = "2026-12-01T00:00:00Z")
                    @RequestParam(name = "created_after", required = false)
                    String createdAfter,
            @Parameter(description = "Only those that happened before this time", example = "2026-12-02T00:00:00Z")
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
        InteractionFilter filter = new InteractionFilter(
                Optional.ofNullable(sessionId).map(id -> {
                    if (!SessionId.looksLikeOne(id)) {
                        throw InvalidInput.of("session_id", "must be a session id (ses_ and 32 hex digits)");
                    }
                    return new SessionId(id);
                }),
                Optional.ofNullable(type)
                        .map(t -> InteractionType.of(t)
                                .orElseThrow(() -> InvalidInput.of("type", "must be one of call, message"))),
                Optional.ofNullable(outcome)
                        .map(o -> Outcome.of(o)
                                .orElseThrow(() -> InvalidInput.of(
                                        "outcome", "must be one of connected, forwarded, refused, blocked"))),
                Optional.ofNullable(createdAfter).map(t -> Fields.timeParameter("created_after", t)),
                Optional.ofNullable(createdBefore).map(t -> Fields.timeParameter("created_before", t)));
        return PageView.of(interactions.page(owner.id(), filter, Paging.of(pageSize, pageToken)), InteractionView::of);
    }

    @Operation(
            summary = "List a session's interactions",
            description = "The session's calls and messages in the order they happened. Follow next_page_token "
                    + "until it is null.")
    @ApiResponse(responseCode = "200", description = "One page of the session's interactions")
    @ApiResponse(
            responseCode = "400",
            description = "page_size or page_token is not valid (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_PAGE_SIZE)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the session in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SESSION_NOT_FOUND)))
    @GetMapping("/sessions/{session}/interactions")
    PageView<InteractionView> ofSession(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.SESSION, example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                    @PathVariable("session")
                    String session,
            @Parameter(
                            description = V1Docs.PAGE_SIZE,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"),
                            example = "50")
                    @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = V1Docs.PAGE_TOKEN) @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        ProxyService owner = services.require(service);
        ProxySession found = sessions.find(owner, SessionsController.id(session));
        return PageView.of(
                interactions.page(owner.id(), InteractionFilter.ofSession(found.id()), Paging.of(pageSize, pageToken)),
                InteractionView::of);
    }

    @Operation(
            summary = "Get an interaction",
            description = "With its status history, as the status callbacks reported it.")
    @ApiResponse(
            responseCode = "200",
            description = "The interaction",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = InteractionView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the interaction in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_INTERACTION_NOT_FOUND)))
    @GetMapping("/interactions/{interaction}")
    InteractionView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.INTERACTION, example = "int_5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b")
                    @PathVariable("interaction")
                    String interaction) {
        ProxyService owner = services.require(service);
        return interactions
                .find(owner.id(), id(interaction))
                .map(InteractionView::of)
                .orElseThrow(InteractionsController::notFound);
    }

    @Operation(
            summary = "Delete an interaction",
            description = "Erases the record and its status history for good, as a platform may have to on a "
                    + "person's request. The call or message itself is not affected.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the interaction in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_INTERACTION_NOT_FOUND)))
    @DeleteMapping("/interactions/{interaction}")
    ResponseEntity<Void> delete(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.INTERACTION, example = "int_5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b")
                    @PathVariable("interaction")
                    String interaction) {
        ProxyService owner = services.require(service);
        if (!interactions.delete(owner.id(), id(interaction))) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private static InteractionId id(String text) {
        if (!InteractionId.looksLikeOne(text)) {
            throw notFound();
        }
        return new InteractionId(text);
    }

    private static NotFound notFound() {
        return new NotFound("The service has no interaction with this id.");
    }
}
