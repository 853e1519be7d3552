package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
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
class ParticipantsController {

    private final Services services;
    private final Sessions sessions;

    ParticipantsController(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @Operation(
            summary = "List participants",
            description = "Removed participants are listed too, with removed_at, unless include_removed=false.")
    @GetMapping
    PageView<ParticipantView> list(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @RequestParam(name = "include_removed", required = false, defaultValue = "true") String includeRemoved) {
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
            description = "Up to two active participants; the new one gets its own proxy number (or the proxy_number "
                    + "asked for, if allowed).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ParticipantView> add(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @RequestBody(required = false) JsonNode body) {
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

    @Operation(summary = "Get a participant")
    @GetMapping("/{participant}")
    ParticipantView get(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @PathVariable("participant") String participant) {
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
    @DeleteMapping("/{participant}")
    ResponseEntity<Void> remove(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @PathVariable("participant") String participant) {
        if (!ParticipantId.looksLikeOne(participant)) {
            throw new NotFound("The session has no participant with this id.");
        }
        sessions.removeParticipant(
                services.require(service), SessionsController.id(session), new ParticipantId(participant));
        return ResponseEntity.noContent().build();
    }
}
