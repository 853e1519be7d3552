package org.callmask.api;

import org.callmask.core.InvalidPhoneNumber;
import org.callmask.session.InvalidLifetime;
import org.callmask.session.NumberInUse;
import org.callmask.session.PoolExhausted;
import org.callmask.session.SameNumberOnBothSides;
import org.callmask.session.StoreContended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the seed-compatible routes, answered as the seed did: a plain-text message saying
 * what was wrong. Messages name the offending input as the client sent it, never another
 * client's data.
 */
// Not limited to the api controllers: a wrong Content-Type is refused before any controller is
// chosen, and must still get a message rather than a generic error page.
@RestControllerAdvice
class SeedApiErrors {

    private static final Logger log = LoggerFactory.getLogger(SeedApiErrors.class);

    /** The seed's words, two spaces included: clients may match on them. */
    static final String POOL_EXHAUSTED =
            "There are no usable numbers in the pool.  Please add numbers, or remove unused masks.";

    @ExceptionHandler({
        InvalidRequest.class,
        InvalidPhoneNumber.class,
        SameNumberOnBothSides.class,
        InvalidLifetime.class
    })
    ResponseEntity<String> badRequest(RuntimeException e) {
        return text(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(PoolExhausted.class)
    ResponseEntity<String> poolExhausted(PoolExhausted e) {
        log.info("Mask refused: {}", e.getMessage());
        return text(HttpStatus.BAD_REQUEST, POOL_EXHAUSTED);
    }

    @ExceptionHandler(NumberInUse.class)
    ResponseEntity<String> numberInUse(NumberInUse e) {
        return text(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return text(HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
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
