package org.callmask.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callmask.core.InvalidPhoneNumber;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.interaction.InteractionFilter;
import org.callmask.interaction.InteractionLog;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.Participant;
import org.callmask.session.ParticipantNotFound;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionChanges;
import org.callmask.session.SessionFilter;
import org.callmask.session.SessionId;
import org.callmask.session.SessionNotFound;
import org.callmask.session.SessionStatus;
import org.callmask.session.Sessions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/** Finding sessions, and one session's page: participants, status, interactions and actions. */
@Controller
class SessionPages {

    private static final int PAGE = 100;
    private static final int MAX_EXTEND_HOURS = 24 * 30;

    private final Services services;
    private final Sessions sessions;
    private final InteractionLog interactions;
    private final Reveals reveals;
    private final ServicePicker picker;
    private final Clock clock;

    SessionPages(
            Services services,
            Sessions sessions,
            InteractionLog interactions,
            Reveals reveals,
            ServicePicker picker,
            Clock clock) {
        this.services = services;
        this.sessions = sessions;
        this.interactions = interactions;
        this.reveals = reveals;
        this.picker = picker;
        this.clock = clock;
    }

    /**
     * Posted by the search form, so a participant's number never sits in a URL; a GET (a link, the
     * menu) searches by the other filters only. Every search by a participant's number is audited,
     * as a reveal is: it tells whether that person has sessions here.
     */
    @RequestMapping(
            path = "/console/sessions",
            method = {RequestMethod.GET, RequestMethod.POST})
    String search(
            HttpServletRequest request,
            Principal operator,
            @RequestParam(name = "service", required = false) String service,
            @RequestParam(name = "participant", required = false, defaultValue = "") String participant,
            @RequestParam(name = "proxy", required = false, defaultValue = "") String proxy,
            @RequestParam(name = "name", required = false, defaultValue = "") String name,
            @RequestParam(name = "status", required = false, defaultValue = "") String status,
            @RequestParam(name = "since", required = false, defaultValue = "") String since,
            Model model) {
        ProxyService chosen = picker.choose(service);
        List<String> problems = new ArrayList<>();
        if (!participant.isBlank() && "GET".equals(request.getMethod())) {
            problems.add("Search by participant number with the form: a number is not taken from a link.");
            participant = "";
        }
        Optional<PhoneNumber> participantNumber = number(participant, "Participant number", problems);
        Optional<PhoneNumber> proxyNumber = number(proxy, "Proxy number", problems);
        Optional<SessionStatus> wantedStatus = status.isBlank() ? Optional.empty() : SessionStatus.of(status);
        if (!status.isBlank() && wantedStatus.isEmpty()) {
            problems.add("Status must be open, in-progress or closed.");
        }
        Optional<Instant> createdAfter = Optional.empty();
        if (!since.isBlank()) {
            try {
                createdAfter = Optional.of(
                        LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                problems.add("Opened since must be a date such as 2026-12-01.");
            }
        }
        List<ProxySession> found = List.of();
        if (problems.isEmpty()) {
            SessionFilter filter = new SessionFilter(
                    wantedStatus,
                    participantNumber,
                    proxyNumber,
                    name.isBlank() ? Optional.empty() : Optional.of(name.strip()),
                    createdAfter,
                    Optional.empty());
            found = sessions.page(chosen, filter, new PageRequest(PAGE, Optional.empty()))
                    .items();
            if (participantNumber.isPresent()) {
                reveals.searched(AuditedBy.of(operator, request), chosen, participantNumber.get(), found.size());
            }
        }
        model.addAttribute("page", "sessions");
        model.addAttribute("services", picker.all());
        model.addAttribute("service", chosen);
        model.addAttribute("problems", problems);
        model.addAttribute("sessions", found.stream().map(SessionRow::of).toList());
        model.addAttribute("more", found.size() == PAGE);
        // A participant's number is not echoed back: the page says whose sessions these are redacted.
        model.addAttribute(
                "searchedFor", participantNumber.map(PhoneNumber::redacted).orElse(null));
        model.addAttribute("proxy", proxy);
        model.addAttribute("name", name);
        model.addAttribute("status", status);
        model.addAttribute("since", since);
        return "console/sessions";
    }

    @GetMapping("/console/services/{service}/sessions/{session}")
    String session(@PathVariable("service") String service, @PathVariable("session") String session, Model model) {
        ProxyService owner = services.require(service);
        ProxySession found = sessions.find(owner, sessionId(session));
        model.addAttribute("page", "sessions");
        model.addAttribute("service", owner);
        model.addAttribute("shown", SessionRow.of(found));
        model.addAttribute(
                "participants",
                found.participants().stream().map(ParticipantRow::of).toList());
        model.addAttribute(
                "interactions",
                interactions
                        .page(
                                owner.id(),
                                InteractionFilter.ofSession(found.id()),
                                new PageRequest(200, Optional.empty()))
                        .items()
                        .stream()
                        .map(InteractionRow::of)
                        .toList());
        return "console/session";
    }

    @PostMapping(
            path = "/console/services/{service}/sessions/{session}/participants/{participant}/reveal",
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> reveal(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @PathVariable("participant") String participant,
            Principal operator,
            HttpServletRequest request) {
        ProxyService owner = services.require(service);
        ProxySession found = sessions.find(owner, sessionId(session));
        Participant shown = found.participants().stream()
                .filter(p -> p.id().value().equals(participant))
                .findFirst()
                .orElseThrow(ParticipantNotFound::new);
        String number = reveals.reveal(AuditedBy.of(operator, request), owner, found, shown);
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body("<span class=\"number revealed\">" + HtmlUtils.htmlEscape(number) + "</span>");
    }

    @PostMapping("/console/services/{service}/sessions/{session}/close")
    String close(@PathVariable("service") String service, @PathVariable("session") String session) {
        return change(service, session, status(SessionStatus.CLOSED));
    }

    @PostMapping("/console/services/{service}/sessions/{session}/reopen")
    String reopen(@PathVariable("service") String service, @PathVariable("session") String session) {
        return change(service, session, status(SessionStatus.OPEN));
    }

    @PostMapping("/console/services/{service}/sessions/{session}/extend")
    String extend(
            @PathVariable("service") String service,
            @PathVariable("session") String session,
            @RequestParam(name = "hours", defaultValue = "1") int hours) {
        int bounded = Math.max(1, Math.min(MAX_EXTEND_HOURS, hours));
        ProxyService owner = services.require(service);
        ProxySession found = sessions.find(owner, sessionId(session));
        Instant from = found.expiresAt() == null || found.expiresAt().isBefore(clock.instant())
                ? clock.instant()
                : found.expiresAt();
        Instant until = from.plus(Duration.ofHours(bounded));
        return change(
                service,
                session,
                new SessionChanges(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Optional.of(until)),
                        Optional.empty(),
                        Optional.empty()));
    }

    private String change(String service, String session, SessionChanges changes) {
        ProxyService owner = services.require(service);
        sessions.change(owner, sessionId(session), changes);
        return "redirect:/console/services/" + owner.id().value() + "/sessions/"
                + sessionId(session).value();
    }

    private static SessionChanges status(SessionStatus status) {
        return new SessionChanges(
                Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SessionId sessionId(String text) {
        if (!SessionId.looksLikeOne(text)) {
            throw new SessionNotFound();
        }
        return new SessionId(text);
    }

    private static Optional<PhoneNumber> number(String text, String what, List<String> problems) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(text.strip()));
        } catch (InvalidPhoneNumber e) {
            problems.add(what + " must be a full number in E.164 form, such as +14155550123.");
            return Optional.empty();
        }
    }
}
