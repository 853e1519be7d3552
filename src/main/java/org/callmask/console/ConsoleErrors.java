package org.callmask.console;

import org.callmask.events.EventNotFound;
import org.callmask.service.ServiceNotFound;
import org.callmask.session.ParticipantNotFound;
import org.callmask.session.SessionConflict;
import org.callmask.session.SessionNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's answer to what cannot be shown or done: a page that says so, never a stack trace. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler({ServiceNotFound.class, SessionNotFound.class, ParticipantNotFound.class, EventNotFound.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "There is nothing here: the service, session or event does not exist.");
        return "console/error";
    }

    @ExceptionHandler(SessionConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(SessionConflict e, Model model) {
        model.addAttribute(
                "message",
                switch (e.reason()) {
                    case CLOSED -> "The session is closed.";
                    default ->
                        "The session cannot be changed that way: "
                                + e.reason().name().toLowerCase() + ".";
                });
        return "console/error";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(IllegalArgumentException e, Model model) {
        model.addAttribute("message", "That cannot be done: " + e.getMessage());
        return "console/error";
    }
}
