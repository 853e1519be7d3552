package org.callmask.api.v1;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for v1 requests that fail before a v1 controller is chosen (no such path, a method the
 * path does not take), which the application-wide error advice answers.
 */
public final class FrameworkProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FrameworkProblems() {}

    public static boolean isV1(HttpServletRequest request) {
        return Problems.isV1(request);
    }

    public static ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is served at this path."));
    }

    /**
     * A 406 as a problem, already serialised, so it is written even to a client whose Accept
     * header excludes JSON.
     */
    public static ResponseEntity<byte[]> notAcceptable() {
        ProblemDetail problem = Problems.problem(
                HttpStatus.NOT_ACCEPTABLE,
                "not-acceptable",
                "Not acceptable",
                "The v1 API answers application/json and application/problem+json only.");
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(JSON.writeValueAsBytes(problem));
    }

    public static ResponseEntity<ProblemDetail> unsupportedMediaType() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "Send the body as application/json."));
    }

    public static ResponseEntity<ProblemDetail> methodNotAllowed(List<HttpMethod> allowed) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(allowed.toArray(HttpMethod[]::new))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method not allowed",
                        "This path takes "
                                + String.join(
                                        ", ",
                                        allowed.stream().map(HttpMethod::name).toList()) + "."));
    }
}
