package org.callmask.telephony;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.callmask.core.PhoneNumber;
import org.callmask.system.CachedBodyRequest;
import org.callmask.system.WebhookPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only webhook requests signed with the project's Signing Key, when one is set: a
 * forged request (a contractor's number as {@code From}, a proxy number as {@code To}) would
 * otherwise be answered with the client's real number. Runs after the body is buffered and before
 * anything parses it, on the exact bytes received.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WebhookSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WebhookSignatureFilter.class);

    private final WebhookSecurityProperties properties;
    private final WebhookSignature signature;

    WebhookSignatureFilter(WebhookSecurityProperties properties) {
        this.properties = properties;
        this.signature = properties.checksSignatures()
                ? new WebhookSignature(properties.signalwire().signingKey())
                : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenUnchecked() {
        if (signature == null) {
            log.warn("WEBHOOK SIGNATURES ARE NOT CHECKED: anyone who can reach /calls/route and /texts/route can ask "
                    + "where a proxy number routes. Set CALLMASK_SIGNALWIRE_SIGNING_KEY to the project's Signing Key "
                    + "before exposing this service.");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return signature == null || !WebhookPaths.matches(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isSigned(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn(
                "Webhook refused: missing or invalid signature on {} {} from {}",
                request.getMethod(),
                PhoneNumber.redactAll(request.getRequestURI()),
                request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentLength(0);
    }

    private boolean isSigned(HttpServletRequest request) {
        String url = signedUrl(request);
        byte[] body = CachedBodyRequest.bodyOf(request);
        String sha1 = request.getHeader("X-SignalWire-Signature");
        String sha256 = request.getHeader("X-SignalWire-SHA256-Signature");
        String twilio = request.getHeader("X-Twilio-Signature");
        if (signature.matchesJsonSha256(url, body, sha256) || signature.matchesJsonSha1(url, body, sha1)) {
            return true;
        }
        for (String base64 : new String[] {sha1, twilio}) {
            if (base64 == null) {
                continue;
            }
            if (WebhookSignature.hasBodyHash(url)) {
                if (signature.matchesBodyHash(url, body, base64)) {
                    return true;
                }
            } else if (signature.matchesForm(url, formFields(request, body), base64)) {
                return true;
            }
        }
        return false;
    }

    /** The URL SignalWire requested: the configured public address, or this request's own. */
    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        String base = properties.publicUrl() == null
                ? request.getRequestURL().toString()
                : stripTrailingSlash(properties.publicUrl().toString()) + request.getRequestURI();
        return query == null ? base : base + "?" + query;
    }

    private static List<Map.Entry<String, String>> formFields(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))) {
            return List.of();
        }
        return FormFields.parse(new String(body, StandardCharsets.UTF_8)).fields();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
