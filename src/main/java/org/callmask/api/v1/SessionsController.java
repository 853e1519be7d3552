package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.SessionView;
import org.callmask.core.PhoneNumber;
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
class SessionsController {

    private final Services services;
    private final Sessions sessions;

    SessionsController(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @Operation(
            summary = "Open a session",
            description = "With zero, one or two participants; each gets its own proxy number. A unique_name of an "
                    + "open session with the same participants answers that session with 200; with other "
                    + "participants, 409 unique-name-taken. When no number can be given, 409 with a type naming the "
                    + "rule no number meets: no-number-in-country, no-number-in-area-code, "
                    + "no-number-with-capability, all-numbers-paired, all-numbers-reserved, pool-empty.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionView> open(
            @PathVariable("service") String service, @RequestBody(required = false) JsonNode body) {
        ProxyService owner = services.require(service);
        SessionOpened opened = sessions.open(owner, SessionRequests.newSession(body));
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SessionView.of(opened.session()));
    }

    @Operation(
            summary = "List sessions",
            description = "In the order they were created; every filter given must match.")
    @GetMapping
    PageView<SessionView> list(
            @PathVariable("service") String service,
            @Parameter(description = "open, in-progress or closed") @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(description = "A participant's number, in full (E.164)")
                    @RequestParam(name = "participant", required = false)
                    String participant,
            @Parameter(description = "A participant's proxy number (E.164)")
                    @RequestParam(name = "proxy_number", required = false)
                    String proxyNumber,
            @RequestParam(name = "unique_name", required = false) String uniqueName,
            @Parameter(description = "ISO 8601, such as 2026-12-01T00:00:00Z")
                    @RequestParam(name = "created_after", required = false)
                    String createdAfter,
            @Parameter(description = "ISO 8601") @RequestParam(name = "created_before", required = false)
                    String createdBefore,
            @Parameter(description = "1 to 500, default 50") @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken) {
        ProxyService owner = services.require(service);
        SessionFilter filter = new SessionFilter(
                Optional.ofNullable(status)
                        .map(s -> SessionStatus.of(s)
                                .orElseThrow(
                                        () -> InvalidInput.of("status", "must be one of open, in-progress, closed"))),
                Optional.ofNullable(participant).map(p -> number("participant", p)),
                Optional.ofNullable(proxyNumber).map(p -> number("proxy_number", p)),
                Optional.ofNullable(uniqueName),
                Optional.ofNullable(createdAfter).map(t -> time("created_after", t)),
                Optional.ofNullable(createdBefore).map(t -> time("created_before", t)));
        return PageView.of(sessions.page(owner, filter, Paging.of(pageSize, pageToken)), SessionView::of);
    }

    @Operation(summary = "Get a session")
    @GetMapping("/{session}")
    SessionView get(@PathVariable("service") String service, @PathVariable("session") String session) {
        return SessionView.of(sessions.find(services.require(service), id(session)));
    }

    @Operation(
            summary = "Change a session",
            description = "status closed closes it; status open re-opens a closed one (409 when a participant's proxy "
                    + "number was taken meanwhile and no other can be given). ttl (0: none), expires_at (null: none) "
                    + "and mode change it in place.")
    @PatchMapping(path = "/{session}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView change(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @RequestBody(required = false) JsonNode body) {
        ProxyService owner = services.require(service);
        SessionChanges changes = SessionRequests.changes(body);
        return SessionView.of(sessions.change(owner, id(session), changes));
    }

    @Operation(summary = "Close a session", description = "It stays on record until retention purges it.")
    @DeleteMapping("/{session}")
    ResponseEntity<Void> close(@PathVariable("service") String service, @PathVariable("session") String session) {
        ProxyService owner = services.require(service);
        sessions.change(
                owner,
                id(session),
                new SessionChanges(
                        Optional.of(SessionStatus.CLOSED), Optional.empty(), Optional.empty(), Optional.empty()));
        return ResponseEntity.noContent().build();
    }

    static SessionId id(String text) {
        if (!SessionId.looksLikeOne(text)) {
            throw new NotFound("The service has no session with this id.");
        }
        return new SessionId(text);
    }

    private static PhoneNumber number(String field, String text) {
        PhoneNumber number = PhoneNumber.parseOrNull(text);
        if (number == null) {
            throw InvalidInput.of(field, "must be a phone number in E.164 form, such as +14155550123");
        }
        return number;
    }

    private static Instant time(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be an ISO 8601 time with an offset, such as 2026-12-01T10:00:00Z");
        }
    }
}
