package org.callmask.api.v1;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.callmask.interaction.IdempotencyKeyMismatch;
import org.callmask.interaction.IdempotencyKeyUsed;
import org.callmask.pool.NumberInAnotherService;
import org.callmask.service.BuiltInServiceChange;
import org.callmask.service.ServiceNameTaken;
import org.callmask.service.ServiceNotFound;
import org.callmask.session.NoProxyNumber;
import org.callmask.session.NumberInUse;
import org.callmask.session.ParticipantNotFound;
import org.callmask.session.PoolNumberAsParticipant;
import org.callmask.session.ProxyNumberRefused;
import org.callmask.session.SameNumberOnBothSides;
import org.callmask.session.SessionConflict;
import org.callmask.session.SessionNotFound;
import org.callmask.signalwire.ContactRefused;
import org.callmask.signalwire.SignalWireNotConfigured;
import org.callmask.signalwire.SignalWireRejected;
import org.callmask.signalwire.SignalWireUnavailable;
import org.callmask.system.StoreContended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the v1 API as an RFC 9457 problem ({@code application/problem+json}) with a
 * {@code type} naming what went wrong, so clients branch on the type, never on the wording. The
 * domain says what happened; this class alone chooses the words, and never puts a participant's
 * number in them.
 */
@RestControllerAdvice(basePackageClasses = Problems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** Problem types are URNs in CallMask's namespace; the last part is the stable name. */
    static final String TYPE_PREFIX = "urn:callmask:problem:";

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                e.errors().size() == 1
                        ? describe(e.errors().get(0))
                        : e.errors().size() + " fields are invalid: "
                                + describe(e.errors().get(0)) + ", …");
        problem.setProperty("errors", e.errors());
        return answer(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return invalid(InvalidInput.of("", "the request body is not valid JSON"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return answer(problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "Send the body as application/json."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(InvalidInput.of(e.getName(), "has the wrong type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return invalid(InvalidInput.of(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(SameNumberOnBothSides.class)
    ResponseEntity<ProblemDetail> sameNumber(SameNumberOnBothSides e) {
        return invalid(InvalidInput.of("participants", "must be different numbers"));
    }

    @ExceptionHandler(PoolNumberAsParticipant.class)
    ResponseEntity<ProblemDetail> poolNumberAsParticipant(PoolNumberAsParticipant e, HttpServletRequest request) {
        if (!e.alreadyInPool()) {
            return invalid(InvalidInput.of("numbers", "must not be participants of active sessions"));
        }
        // Adding one participant names it in "number"; opening a session names them in "participants".
        String path = request.getRequestURI();
        return path != null && path.endsWith("/participants")
                ? invalid(InvalidInput.of("number", "must not be a pool number"))
                : invalid(InvalidInput.of("participants", "must not be pool numbers"));
    }

    @ExceptionHandler({NotFound.class, ServiceNotFound.class, SessionNotFound.class, ParticipantNotFound.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        String what;
        if (e instanceof ServiceNotFound) {
            what = "No service has this id or unique name.";
        } else if (e instanceof SessionNotFound) {
            what = "The service has no session with this id.";
        } else if (e instanceof ParticipantNotFound) {
            what = "The session has no participant with this id.";
        } else {
            what = e.getMessage();
        }
        return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what));
    }

    @ExceptionHandler(ServiceNameTaken.class)
    ResponseEntity<ProblemDetail> nameTaken(ServiceNameTaken e) {
        return conflict("service-name-taken", "Unique name taken", "Another service is named " + e.name() + ".");
    }

    @ExceptionHandler(BuiltInServiceChange.class)
    ResponseEntity<ProblemDetail> builtIn(BuiltInServiceChange e) {
        return conflict(
                "built-in-service",
                "Built-in service",
                "The service 'default' serves the /api/rest routes: it cannot be renamed or deleted.");
    }

    @ExceptionHandler(NumberInAnotherService.class)
    ResponseEntity<ProblemDetail> otherService(NumberInAnotherService e) {
        return conflict(
                "number-in-another-service",
                "Number in another service",
                e.number().e164() + " belongs to another service's pool; a number belongs to one service.");
    }

    @ExceptionHandler(NumberInUse.class)
    ResponseEntity<ProblemDetail> inUse(NumberInUse e) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT,
                "number-in-use",
                "Number in use",
                e.number().e164() + " is used by " + e.activeMasks()
                        + (e.activeMasks() == 1 ? " active session" : " active sessions")
                        + ". Close them first, or remove it with ?force=true to close them.");
        problem.setProperty("active_sessions", e.activeMasks());
        return answer(problem);
    }

    @ExceptionHandler(NoProxyNumber.class)
    ResponseEntity<ProblemDetail> noProxy(NoProxyNumber e) {
        String detail = switch (e.shortage()) {
            case POOL_EMPTY -> "The service has no numbers. Add numbers to its pool.";
            case ALL_NUMBERS_RESERVED -> "Every number of the service is reserved.";
            case NO_NUMBER_WITH_CAPABILITY -> "No unreserved number can carry what the session's mode needs.";
            case NO_NUMBER_IN_COUNTRY -> "No unreserved, capable number is in the participant's country (geo_match).";
            case NO_NUMBER_IN_AREA_CODE -> "No unreserved, capable number has the participant's area code (geo_match).";
            case ALL_NUMBERS_PAIRED ->
                "Every number that matches is already paired with the participant in another active session, "
                        + "full, or cooling off for it. Add numbers or close sessions.";
        };
        return conflict(e.shortage().wire(), "No proxy number available", detail);
    }

    @ExceptionHandler(ProxyNumberRefused.class)
    ResponseEntity<ProblemDetail> refused(ProxyNumberRefused e) {
        String detail = switch (e.reason()) {
            case NOT_IN_POOL -> "The proxy_number asked for is not one of the service's numbers.";
            case LACKS_CAPABILITY -> "The proxy number cannot carry what the session's mode needs.";
            case OTHER_COUNTRY -> "The proxy_number asked for is not in the participant's country.";
            case OTHER_AREA_CODE -> "The proxy_number asked for does not have the participant's area code.";
            case FULL -> "The proxy_number asked for carries as many routes as its capacity allows.";
            case ALREADY_PAIRED -> "The participant already has the proxy_number asked for in another active session.";
            case COOLING_OFF -> "The participant had the proxy_number asked for too recently (cool_off).";
        };
        String type =
                "proxy-number-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return conflict(type, "Proxy number refused", detail);
    }

    @ExceptionHandler(SessionConflict.class)
    ResponseEntity<ProblemDetail> sessionConflict(SessionConflict e) {
        return switch (e.reason()) {
            case UNIQUE_NAME_TAKEN ->
                conflict(
                        "unique-name-taken",
                        "Unique name taken",
                        "An open session of the service has this unique_name with other participants.");
            case CLOSED -> conflict("session-closed", "Session closed", "The session is closed.");
            case PARTICIPANT_LIMIT ->
                conflict(
                        "participant-limit",
                        "Participant limit",
                        "A session has at most two active participants. Remove one first.");
            case DUPLICATE_PARTICIPANT ->
                conflict(
                        "duplicate-participant",
                        "Duplicate participant",
                        "The number already takes part in the session.");
            case EXPIRES_AT_PASSED ->
                conflict(
                        "expires-at-passed",
                        "Session expired",
                        "The session's expires_at has passed. Re-open it with a later expires_at, or null.");
            case SERVICE_HAS_OPEN_SESSIONS ->
                conflict(
                        "service-has-open-sessions",
                        "Service has open sessions",
                        "Close the service's open sessions before deleting it.");
        };
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e) {
        // Domain value checks (lifetimes, names, voice options) say which field in their message.
        String message = String.valueOf(e.getMessage());
        int space = message.indexOf(' ');
        String field = space > 0 && message.substring(0, space).matches("[a-z_.]+") ? message.substring(0, space) : "";
        return invalid(InvalidInput.of(field, field.isEmpty() ? message : message.substring(space + 1)));
    }

    @ExceptionHandler(SignalWireNotConfigured.class)
    ResponseEntity<ProblemDetail> notConfigured(SignalWireNotConfigured e) {
        ProblemDetail problem = problem(
                HttpStatus.NOT_IMPLEMENTED,
                "signalwire-not-configured",
                "SignalWire not configured",
                "This needs CallMask to call SignalWire's REST API. Set " + String.join(", ", e.missing())
                        + " and restart.");
        problem.setProperty("missing_settings", e.missing());
        return answer(problem);
    }

    @ExceptionHandler(SignalWireRejected.class)
    ResponseEntity<ProblemDetail> signalWireRejected(SignalWireRejected e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_GATEWAY,
                "signalwire-error",
                "SignalWire refused the request",
                "SignalWire answered " + e.status() + (e.detail() == null ? "." : ": " + e.detail()));
        problem.setProperty("signalwire_status", e.status());
        problem.setProperty("signalwire_code", e.code());
        problem.setProperty("signalwire_message", e.detail());
        return answer(problem);
    }

    @ExceptionHandler(SignalWireUnavailable.class)
    ResponseEntity<ProblemDetail> signalWireUnavailable(SignalWireUnavailable e) {
        ProblemDetail problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "signalwire-unavailable",
                "SignalWire unavailable",
                e.getMessage() + ".");
        problem.setProperty("outcome_unknown", e.maybeDone());
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ContactRefused.class)
    ResponseEntity<ProblemDetail> contactRefused(ContactRefused e) {
        String title = switch (e.reason()) {
            case SESSION_CLOSED -> "Session closed";
            case MODE_NOT_ALLOWED -> "Not carried in this mode";
            case PARTICIPANT_REMOVED -> "Participant removed";
            case NO_OTHER_PARTICIPANT -> "No other participant";
        };
        return conflict(e.reason().wire(), title, e.reason().description());
    }

    @ExceptionHandler(IdempotencyKeyUsed.class)
    ResponseEntity<ProblemDetail> idempotencyKeyUsed(IdempotencyKeyUsed e) {
        return conflict(
                "idempotency-key-in-use",
                "Idempotency key in use",
                "A request with this Idempotency-Key is under way; try again in a moment to get its interaction.");
    }

    @ExceptionHandler(IdempotencyKeyMismatch.class)
    ResponseEntity<ProblemDetail> idempotencyKeyMismatch(IdempotencyKeyMismatch e) {
        return answer(problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "This Idempotency-Key came with a different request before; use a new key for a new request."));
    }

    @ExceptionHandler({StoreContended.class, TransactionException.class, DataAccessException.class})
    ResponseEntity<ProblemDetail> store(RuntimeException e) {
        log.warn("v1 request failed in the store: {}", e.getClass().getName());
        ProblemDetail problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable",
                "Store unavailable",
                "The database did not answer in time. Retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> conflict(String type, String title, String detail) {
        return answer(problem(HttpStatus.CONFLICT, type, title, detail));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String describe(FieldError error) {
        return error.field().isEmpty() ? error.message() : error.field() + " " + error.message();
    }

    /** Whether a request is for the v1 API, whose errors are problems even before a controller is chosen. */
    static boolean isV1(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && (path.equals("/api/v1") || path.startsWith("/api/v1/"));
    }
}
