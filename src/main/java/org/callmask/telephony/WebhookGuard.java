package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides whether a webhook request may reach its handler: its body must be of a type the
 * handlers read, and, when a Signing Key is set, SignalWire's signature must cover everything the
 * handler will read. A LaML signature covers the URL and the form fields, so it authorises a form
 * or an empty body, never JSON; JSON needs the SWML signature (over the raw bytes) or a
 * {@code bodySHA256} in the signed URL. Without this, a signature captured from a GET could be
 * replayed on a POST whose body the handler reads.
 */
@Component
public class WebhookGuard {

    private static final Logger log = LoggerFactory.getLogger(WebhookGuard.class);

    /** What to do with a webhook request. */
    public enum Verdict {
        /** Let it through. */
        PASS,
        /** Its body is of no type the webhooks read: refuse before anything parses it. */
        UNSUPPORTED_BODY,
        /** A Signing Key is set and the request is not signed with it. */
        UNSIGNED
    }

    private final WebhookSecurityProperties properties;
    private final WebhookSignature signature;

    WebhookGuard(WebhookSecurityProperties properties) {
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

    /** Whether requests must carry SignalWire's signature. */
    public boolean checksSignatures() {
        return signature != null;
    }

    /**
     * @param request the request, after the firewall
     * @param body its body exactly as received
     */
    public Verdict check(HttpServletRequest request, byte[] body) {
        Optional<WebhookBody> kind = WebhookBody.of(request.getMethod(), request.getContentType(), body.length);
        if (kind.isEmpty()) {
            return Verdict.UNSUPPORTED_BODY;
        }
        if (signature == null || isSigned(request, kind.get(), body)) {
            return Verdict.PASS;
        }
        return Verdict.UNSIGNED;
    }

    private boolean isSigned(HttpServletRequest request, WebhookBody kind, byte[] body) {
        String url = signedUrl(request);
        String sha1 = request.getHeader("X-SignalWire-Signature");
        String sha256 = request.getHeader("X-SignalWire-SHA256-Signature");
        // The SWML scheme (hex, over the raw bytes) is SignalWire's for JSON; taking it for a form too
        // would let a LaML signature, re-encoded as hex, authorise its own field string as a body.
        if (kind != WebhookBody.FORM
                && (signature.matchesJsonSha256(url, body, sha256) || signature.matchesJsonSha1(url, body, sha1))) {
            return true;
        }
        for (String base64 : new String[] {sha1, request.getHeader("X-Twilio-Signature")}) {
            if (base64 == null) {
                continue;
            }
            if (WebhookSignature.hasBodyHash(url)) {
                if (signature.matchesBodyHash(url, body, base64)) {
                    return true;
                }
            } else if (kind != WebhookBody.JSON
                    && signature.matchesForm(url, FormFields.of(kind, body).fields(), base64)) {
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

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
