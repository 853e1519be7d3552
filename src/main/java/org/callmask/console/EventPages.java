package org.callmask.console;

import java.util.Optional;
import org.callmask.core.PageRequest;
import org.callmask.events.EventId;
import org.callmask.events.EventStatus;
import org.callmask.events.Events;
import org.callmask.events.OutboxEvent;
import org.callmask.service.ProxyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Callback deliveries with their status and last error; redelivering one. */
@Controller
class EventPages {

    private static final int PAGE = 200;

    private final ServicePicker picker;
    private final Events events;

    EventPages(ServicePicker picker, Events events) {
        this.picker = picker;
        this.events = events;
    }

    @GetMapping("/console/events")
    String events(
            @RequestParam(name = "service", required = false) String service,
            @RequestParam(name = "status", required = false, defaultValue = "") String status,
            Model model) {
        ProxyService chosen = picker.choose(service);
        Optional<EventStatus> wanted = status.isBlank() ? Optional.empty() : EventStatus.of(status);
        model.addAttribute("page", "events");
        model.addAttribute("services", picker.all());
        model.addAttribute("service", chosen);
        model.addAttribute("status", wanted.map(EventStatus::wire).orElse(""));
        model.addAttribute(
                "events",
                events.page(chosen.id(), wanted, new PageRequest(PAGE, Optional.empty())).items().stream()
                        .map(EventRow::of)
                        .toList());
        return "console/events";
    }

    @PostMapping("/console/events/redeliver")
    String redeliver(
            @RequestParam("service") String service, @RequestParam("event") String event, RedirectAttributes flash) {
        ProxyService chosen = picker.choose(service);
        if (EventId.looksLikeOne(event)) {
            events.redeliver(chosen.id(), new EventId(event));
            flash.addFlashAttribute("notice", "Event " + event + " will be delivered again.");
        }
        return "redirect:/console/events?service=" + chosen.id().value();
    }

    /** A delivery as the page lists it; the payload is not shown, since it may name a session's numbers. */
    public record EventRow(
            String id,
            String type,
            String sessionId,
            String status,
            int attempts,
            String lastError,
            java.time.Instant createdAt,
            java.time.Instant nextAttemptAt) {

        static EventRow of(OutboxEvent e) {
            return new EventRow(
                    e.id().value(),
                    e.type(),
                    e.sessionId(),
                    e.status().wire(),
                    e.attempts(),
                    e.lastError(),
                    e.createdAt(),
                    e.nextAttemptAt());
        }
    }
}
