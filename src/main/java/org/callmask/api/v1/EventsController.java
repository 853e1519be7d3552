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
import org.callmask.events.EventId;
import org.callmask.events.EventNotFound;
import org.callmask.events.EventStatus;
import org.callmask.events.Events;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/services/{service}/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Events",
        description = "What CallMask told the platform's callback URL, and how each delivery stands. Events are "
                + "signed, delivered at least once, in order per session, and retried with backoff.")
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
class EventsController {

    private final Services services;
    private final Events events;

    EventsController(Services services, Events events) {
        this.services = services;
        this.events = events;
    }

    @Operation(
            summary = "List events",
            description = "The service's events in the order they were written, with one delivery status or all. "
                    + "Follow next_page_token (with the same status) until it is null. Delivered and failed events "
                    + "are kept for callmask.events.retention.")
    @ApiResponse(responseCode = "200", description = "One page of events")
    @ApiResponse(
            responseCode = "400",
            description = "status, page_size or page_token is not valid (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_EVENT_STATUS)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @GetMapping
    PageView<EventView> list(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(
                            description = "Only events with this delivery status",
                            schema = @Schema(allowableValues = {"pending", "delivered", "failed"}),
                            example = "failed")
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(
                            description = V1Docs.PAGE_SIZE,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"),
                            example = "50")
                    @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = V1Docs.PAGE_TOKEN) @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        ProxyService owner = services.require(service);
        Optional<EventStatus> wanted = Optional.ofNullable(status)
                .map(s -> EventStatus.of(s)
                        .orElseThrow(() -> InvalidInput.of("status", "must be one of pending, delivered, failed")));
        return PageView.of(events.page(owner.id(), wanted, Paging.of(pageSize, pageToken)), EventView::of);
    }

    @Operation(summary = "Get an event", description = "With its body and how its delivery stands.")
    @ApiResponse(
            responseCode = "200",
            description = "The event; an example of each type",
            content =
                    @Content(
                            mediaType = V1Docs.JSON,
                            schema = @Schema(implementation = EventView.class),
                            examples = {
                                @ExampleObject(name = "session.created", value = EventExamples.EVENT_SESSION_CREATED),
                                @ExampleObject(name = "session.updated", value = EventExamples.EVENT_SESSION_UPDATED),
                                @ExampleObject(name = "session.closed", value = EventExamples.EVENT_SESSION_CLOSED),
                                @ExampleObject(
                                        name = "participant.added",
                                        value = EventExamples.EVENT_PARTICIPANT_ADDED),
                                @ExampleObject(
                                        name = "participant.removed",
                                        value = EventExamples.EVENT_PARTICIPANT_REMOVED),
                                @ExampleObject(
                                        name = "interaction.created",
                                        value = EventExamples.EVENT_INTERACTION_CREATED),
                                @ExampleObject(
                                        name = "interaction.updated",
                                        value = EventExamples.EVENT_INTERACTION_UPDATED),
                                @ExampleObject(name = "pool.exhausted", value = EventExamples.EVENT_POOL_EXHAUSTED),
                                @ExampleObject(name = "pool.low", value = EventExamples.EVENT_POOL_LOW),
                                @ExampleObject(
                                        name = "pool.number_bought",
                                        value = EventExamples.EVENT_POOL_NUMBER_BOUGHT)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the event in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_EVENT_NOT_FOUND)))
    @GetMapping("/{event}")
    EventView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.EVENT, example = "evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                    @PathVariable("event")
                    String event) {
        ProxyService owner = services.require(service);
        try {
            return EventView.of(events.find(owner.id(), id(event)));
        } catch (EventNotFound e) {
            throw notFound();
        }
    }

    @Operation(
            summary = "Redeliver an event",
            description = "Sends the event again, whatever its status: as soon as the session's earlier pending "
                    + "events are delivered, then retried with backoff for callmask.events.retry-for from now. The "
                    + "body is the same, id included, so a platform that already processed it can tell.")
    @ApiResponse(
            responseCode = "202",
            description = "The event, pending again",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = EventView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the event in it, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_EVENT_NOT_FOUND)))
    @PostMapping("/{event}/redeliver")
    ResponseEntity<EventView> redeliver(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.EVENT, example = "evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                    @PathVariable("event")
                    String event) {
        ProxyService owner = services.require(service);
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(EventView.of(events.redeliver(owner.id(), id(event))));
        } catch (EventNotFound e) {
            throw notFound();
        }
    }

    private static EventId id(String text) {
        if (!EventId.looksLikeOne(text)) {
            throw notFound();
        }
        return new EventId(text);
    }

    private static NotFound notFound() {
        return new NotFound("The service has no event with this id.");
    }
}
