package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.callmask.core.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers to requests that security refuses: short fixed texts that say what to do, and log
 * lines with the redacted path and the peer, never a header value, a key or a body.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {}

    /** 401 for an admin route without a valid key, or from elsewhere while no key is set. */
    static AuthenticationEntryPoint adminEntryPoint(AdminAuthentication admins) {
        String message;
        if (admins.hasKeys()) {
            message = "A valid API key is required: send 'Authorization: Bearer <key>' or HTTP Basic auth with the key "
                    + "as password.";
        } else if (admins.localOperatorRecognisable()) {
            message = "The admin API answers only local requests while no API key is set: from this machine, to "
                    + "localhost, through no proxy. Set CALLMASK_API_KEYS and send a key as "
                    + "'Authorization: Bearer <key>'.";
        } else {
            message = "The admin API is closed: no API key is set, and forwarded headers are honoured, so no request "
                    + "can be told to be local. Set CALLMASK_API_KEYS and send a key as 'Authorization: Bearer <key>'.";
        }
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            log.info(
                    "Admin request refused: {} {} from {}",
                    request.getMethod(),
                    path(request),
                    request.getRemoteAddr());
            response.addHeader("WWW-Authenticate", "Bearer realm=\"callmask\"");
            response.addHeader("WWW-Authenticate", "Basic realm=\"callmask\", charset=\"UTF-8\"");
            if (isV1(request)) {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized", message);
            } else {
                text(response, HttpServletResponse.SC_UNAUTHORIZED, message);
            }
        };
    }

    /** 404 for an admin on a path no route classifies: nothing is served there. */
    static AccessDeniedHandler unclassified() {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
            if (isV1(request)) {
                problem(
                        response,
                        HttpServletResponse.SC_NOT_FOUND,
                        "not-found",
                        "Not found",
                        "Nothing is served at this path.");
            } else {
                text(response, HttpServletResponse.SC_NOT_FOUND, "Nothing is served at this path.");
            }
        };
    }

    /** 403 with an empty body for an unsigned webhook: a forger learns nothing. */
    static void unsignedWebhook(HttpServletRequest request, HttpServletResponse response) {
        log.warn(
                "Webhook refused: missing or invalid signature on {} {} from {}",
                request.getMethod(),
                path(request),
                request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentLength(0);
    }

    /** 415 with an empty body for a webhook body of a type the webhooks do not read. */
    static void unsupportedWebhookBody(HttpServletRequest request, HttpServletResponse response) {
        log.info(
                "Webhook refused: a body of a type the webhooks do not read on {} {} from {}",
                request.getMethod(),
                path(request),
                request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setContentLength(0);
    }

    /**
     * 400 for a request the firewall refused (encoded letters or separators, {@code ;} parameters,
     * {@code //}, {@code ..}, odd headers): written here, not through the container's error page,
     * and logged without the rejection's text, which can quote a header value.
     */
    static RequestRejectedHandler firewall() {
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) -> {
            log.info("Request refused by the firewall from {}", request.getRemoteAddr());
            text(response, HttpServletResponse.SC_BAD_REQUEST, "Bad request.");
        };
    }

    private static String path(HttpServletRequest request) {
        // A status-callback path carries a token that, alone, lets its holder report a status.
        return SECRET_RUN
                .matcher(PhoneNumber.redactAll(request.getRequestURI()))
                .replaceAll("•••");
    }

    /** Long runs of hex digits in a path: tokens, never worth logging. */
    private static final java.util.regex.Pattern SECRET_RUN = java.util.regex.Pattern.compile("[0-9a-fA-F]{48,}");

    /**
     * Whether the v1 API's error format applies: its errors are problem documents. Only the
     * format is decided on the path; who may reach it was decided on the routed path already.
     */
    private static boolean isV1(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && (path.equals("/api/v1") || path.startsWith("/api/v1/"));
    }

    private static void problem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "urn:callmask:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(message);
    }
}
