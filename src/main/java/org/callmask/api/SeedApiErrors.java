package org.callmask.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.callmask.api.v1.FrameworkProblems;
import org.callmask.core.InvalidPhoneNumber;
import org.callmask.pool.NumberInAnotherService;
import org.callmask.session.InvalidLifetime;
import org.callmask.session.NumberInUse;
import org.callmask.session.PoolExhausted;
import org.callmask.session.PoolNumberAsParticipant;
import org.callmask.session.SameNumberOnBothSides;
import org.callmask.system.StoreContended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the seed-compatible routes, answered as the seed did: a plain-text message saying
 * what was wrong. Messages name the offending input as the client sent it, never another
 * client's data.
 */
// Not limited to the api controllers: a wrong Content-Type, method or path is refused before any
// controller is chosen, and must still get a message rather than a generic error page.
@RestControllerAdvice
class SeedApiErrors {

    private static final Logger log = LoggerFactory.getLogger(SeedApiErrors.class);

    /** The seed's words, two spaces included: clients may match on them. */
    static final String POOL_EXHAUSTED =
            "There are no usable numbers in the pool.  Please add numbers, or remove unused masks.";

    @ExceptionHandler({InvalidRequest.class, InvalidPhoneNumber.class})
    ResponseEntity<String> badRequest(RuntimeException e) {
        return text(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(SameNumberOnBothSides.class)
    ResponseEntity<String> sameNumberOnBothSides(SameNumberOnBothSides e) {
        return text(HttpStatus.BAD_REQUEST, "client_number and contractor_number must be different numbers");
    }

    @ExceptionHandler(InvalidLifetime.class)
    ResponseEntity<String> invalidLifetime(InvalidLifetime e) {
        return text(
                HttpStatus.BAD_REQUEST,
                "ttl_seconds must be between 1 and " + e.max().toSeconds() + ", was "
                        + e.asked().toSeconds());
    }

    @ExceptionHandler(PoolNumberAsParticipant.class)
    ResponseEntity<String> poolNumberAsParticipant(PoolNumberAsParticipant e) {
        // The number is one the caller sent in this request.
        String number = e.number().e164();
        return text(
                HttpStatus.BAD_REQUEST,
                e.alreadyInPool()
                        ? number + " is a pool number and cannot be a client or contractor"
                        : number + " is a client's or contractor's number in an active mask and cannot join the pool");
    }

    @ExceptionHandler(PoolExhausted.class)
    ResponseEntity<String> poolExhausted(PoolExhausted e) {
        log.info("Mask refused: {}", e.getMessage());
        return text(HttpStatus.BAD_REQUEST, POOL_EXHAUSTED);
    }

    @ExceptionHandler(NumberInUse.class)
    ResponseEntity<String> numberInUse(NumberInUse e) {
        String number = e.number().e164();
        String message = e.activeMasks() == 1
                ? "1 active mask uses " + number + "; delete it or add ?force=true to close it and remove the number"
                : e.activeMasks() + " active masks use " + number
                        + "; delete them or add ?force=true to close them and remove the number";
        return text(HttpStatus.CONFLICT, message);
    }

    @ExceptionHandler(NumberInAnotherService.class)
    ResponseEntity<String> numberInAnotherService(NumberInAnotherService e) {
        return text(
                HttpStatus.CONFLICT,
                e.number().e164()
                        + " belongs to another service's pool (see /api/v1/services); a number belongs to one");
    }

    // The client asked for a type no route here produces. A v1 client still gets its problem: a
    // body whose type is set beforehand is written whatever Accept says.
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        if (FrameworkProblems.isV1(request)) {
            return FrameworkProblems.notAcceptable();
        }
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.TEXT_PLAIN)
                .body("This route answers application/json".getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return text(HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        if (FrameworkProblems.isV1(request)) {
            return FrameworkProblems.unsupportedMediaType();
        }
        return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    }

    // The path may hold a phone number, so the message does not repeat it.
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<?> notFound(Exception e, HttpServletRequest request) {
        if (FrameworkProblems.isV1(request)) {
            return FrameworkProblems.notFound();
        }
        return text(HttpStatus.NOT_FOUND, "Not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        Set<HttpMethod> supported = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        List<HttpMethod> allowed = supported.stream()
                .sorted(Comparator.comparing(HttpMethod::name))
                .toList();
        if (FrameworkProblems.isV1(request)) {
            return FrameworkProblems.methodNotAllowed(allowed);
        }
        List<String> names = allowed.stream().map(HttpMethod::name).toList();
        // Any token is a valid method; only a standard one is safe and useful to repeat.
        boolean standard =
                Arrays.stream(HttpMethod.values()).anyMatch(m -> m.name().equals(e.getMethod()));
        String message = (standard ? e.getMethod() : "This method") + " is not allowed here"
                + (names.isEmpty() ? "" : "; use " + English.or(names));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(allowed.toArray(HttpMethod[]::new))
                .contentType(MediaType.TEXT_PLAIN)
                .body(message);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e) {
        return text(HttpStatus.BAD_REQUEST, "Query parameter " + e.getName() + " has an invalid value");
    }

    @ExceptionHandler(StoreContended.class)
    ResponseEntity<String> contended(StoreContended e) {
        log.warn("Admin request gave up under contention");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .contentType(MediaType.TEXT_PLAIN)
                .body("Too many concurrent requests for the same numbers; retry");
    }

    // A lost database shows up as either: a failed statement, or no connection to begin a transaction.
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<String> storeFailed(RuntimeException e) {
        // The SQL message may quote stored numbers: log the type only.
        log.error("Admin request failed in the store: {}", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.TEXT_PLAIN)
                .body("The database is unavailable; retry later");
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
