package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import org.callmask.interaction.Recorded;
import org.springframework.stereotype.Component;

/**
 * The absolute URLs SignalWire is told to send an interaction's status callbacks to: under the
 * configured public address, or, without one, under the address the webhook itself was called at
 * (the same choice the signature check makes). Made on every routed call and text, so built from
 * strings rather than parsed: the token is hex and the routes are constants.
 */
@Component
class StatusUrls {

    /** The public address without its trailing slashes; null when none is configured. */
    private final String publicBase;

    StatusUrls(WebhookSecurityProperties properties) {
        this.publicBase = properties.publicUrl() == null
                ? null
                : withoutTrailingSlashes(properties.publicUrl().toString());
    }

    String forCall(HttpServletRequest request, Recorded recorded) {
        return url(request, WebhookRoutes.CALL_STATUS, recorded);
    }

    String forMessage(HttpServletRequest request, Recorded recorded) {
        return url(request, WebhookRoutes.TEXT_STATUS, recorded);
    }

    private String url(HttpServletRequest request, String route, Recorded recorded) {
        String base = publicBase != null ? publicBase : requestBase(request);
        int open = route.indexOf('{');
        int close = route.indexOf('}', open);
        return new StringBuilder(base.length() + route.length() + 64)
                .append(base)
                .append(route, 0, open)
                .append(recorded.token())
                .append(route, close + 1, route.length())
                .toString();
    }

    /** The request's scheme, host and port (its URL less its URI), then the context path. */
    private static String requestBase(HttpServletRequest request) {
        StringBuffer full = request.getRequestURL();
        int end = full.length() - request.getRequestURI().length();
        return withoutTrailingSlashes(full.substring(0, end) + request.getContextPath());
    }

    private static String withoutTrailingSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }
}
