package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.StatusReport;
import org.callmask.system.CachedBodyRequest;
import org.callmask.system.StoreErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SignalWire's status callbacks for the calls and messages CallMask put through. The token in the
 * path names the interaction and is what authenticates the callback (when a Signing Key is set,
 * the signature is checked before this as well); an unknown token stores nothing and is answered
 * 404. A LaML callback is answered with an empty LaML document, a JSON one with no content. When
 * the store fails the answer is 503, and SignalWire tries the callback again.
 */
@RestController
class StatusCallbackController {

    private static final Logger log = LoggerFactory.getLogger(StatusCallbackController.class);

    private final InteractionLog interactions;
    private final LamlWriter laml;
    private final Clock clock;

    StatusCallbackController(InteractionLog interactions, LamlWriter laml, Clock clock) {
        this.interactions = interactions;
        this.laml = laml;
        this.clock = clock;
    }

    @PostMapping(WebhookRoutes.CALL_STATUS)
    ResponseEntity<byte[]> call(@PathVariable("token") String token, HttpServletRequest request) {
        byte[] body = CachedBodyRequest.bodyOf(request);
        WebhookBody kind = WebhookBody.of(request, body);
        StatusReport report = kind == WebhookBody.FORM
                ? StatusCallbacks.ofLamlCall(FormFields.of(kind, body), clock.instant())
                : StatusCallbacks.ofSwml(kind == WebhookBody.JSON ? body : new byte[0], clock.instant());
        return report(token, report, kind == WebhookBody.FORM);
    }

    @PostMapping(WebhookRoutes.TEXT_STATUS)
    ResponseEntity<byte[]> message(@PathVariable("token") String token, HttpServletRequest request) {
        byte[] body = CachedBodyRequest.bodyOf(request);
        WebhookBody kind = WebhookBody.of(request, body);
        StatusReport report = StatusCallbacks.ofLamlMessage(FormFields.of(kind, body), clock.instant());
        return report(token, report, true);
    }

    private ResponseEntity<byte[]> report(String token, StatusReport report, boolean laml) {
        boolean known;
        try {
            known = interactions.report(token, report);
        } catch (RuntimeException e) {
            log.warn("A status callback could not be stored: {}", StoreErrors.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return answer(known, laml);
    }

    private ResponseEntity<byte[]> answer(boolean known, boolean laml) {
        if (!known) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        if (laml) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(this.laml.empty());
        }
        return ResponseEntity.noContent().build();
    }
}
