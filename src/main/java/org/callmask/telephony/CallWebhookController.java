package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import org.callmask.system.CachedBodyRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** SignalWire's calling webhook: a call to a proxy number, answered with SWML. */
@RestController
class CallWebhookController {

    private final CallRouter router;
    private final SwmlWriter swml;
    private final WebhookObserver observer;

    CallWebhookController(CallRouter router, SwmlWriter swml, WebhookObserver observer) {
        this.router = router;
        this.swml = swml;
        this.observer = observer;
    }

    // GET too, as the seed did: a number whose handler is set to GET still gets an answer (a refusal,
    // since a GET carries no call).
    @RequestMapping(
            path = WebhookRoutes.CALLS,
            method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<byte[]> route(HttpServletRequest request) {
        long started = System.nanoTime();
        byte[] answer;
        try {
            byte[] body = CachedBodyRequest.bodyOf(request);
            // A body is read only as what its type, which the signature check also went by, says it is.
            InboundCall call = WebhookBody.of(request, body) == WebhookBody.JSON
                    ? InboundCall.parse(body)
                    : new InboundCall(null, null);
            RoutingDecision decision = router.decide(call.from(), call.to());
            answer = swml.write(decision);
            observer.answered(WebhookObserver.Kind.CALL, decision, call.from(), call.to(), started);
        } catch (RuntimeException e) {
            // The caller hears the refusal rather than a carrier error, whatever broke.
            answer = swml.write(new RoutingDecision.Refuse(RoutingDecision.Reason.FAILURE));
            observer.failed(WebhookObserver.Kind.CALL, e, started);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
