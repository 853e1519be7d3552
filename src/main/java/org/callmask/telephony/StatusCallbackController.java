package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.StatusReport;
import org.callmask.system.CachedBodyRequest;
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
 * 404. A LaML callback is answered with an empty LaML document, since a {@code <Dial>} action
 * expects one (it ends the call); a JSON callback with no content.
 */
@RestController
class StatusCallbackController {

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
        return answer(interactions.report(token, report), kind == WebhookBody.FORM);
    }

    @PostMapping(WebhookRoutes.TEXT_STATUS)
    ResponseEntity<byte[]> message(@PathVariable("token") String token, HttpServletRequest request) {
        byte[] body = CachedBodyRequest.bodyOf(request);
        WebhookBody kind = WebhookBody.of(request, body);
        StatusReport report = StatusCallbacks.ofLamlMessage(FormFields.of(kind, body), clock.instant());
        return answer(interactions.report(token, report), true);
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
