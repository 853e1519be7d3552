package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a webhook request's body is, by its declared type. The signature check and the controllers
 * both decide by it, so a body is only ever parsed as what its signature covered.
 */
enum WebhookBody {
    /** No body: a GET, or a POST that sent nothing; only the URL carries data. */
    NONE,
    /** A JSON document, as SignalWire sends to a SWML script. */
    JSON,
    /** {@code application/x-www-form-urlencoded} fields, as SignalWire sends to LaML webhooks. */
    FORM;

    /**
     * The kind of body a request carries, or empty when the webhooks accept no such request: a
     * body of any other type, an unparseable {@code Content-Type}, or a GET with a body.
     */
    static Optional<WebhookBody> of(String method, String contentType, int bodyLength) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return bodyLength == 0 ? Optional.of(NONE) : Optional.empty();
        }
        if (contentType == null || contentType.isBlank()) {
            return bodyLength == 0 ? Optional.of(NONE) : Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            return Optional.of(bodyLength == 0 ? NONE : FORM);
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || ("application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix()))) {
            return Optional.of(bodyLength == 0 ? NONE : JSON);
        }
        return Optional.empty();
    }

    /** The kind of a request that already passed {@link WebhookGuard}; anything else reads as none. */
    static WebhookBody of(HttpServletRequest request, byte[] body) {
        return of(request.getMethod(), request.getContentType(), body.length).orElse(NONE);
    }
}
