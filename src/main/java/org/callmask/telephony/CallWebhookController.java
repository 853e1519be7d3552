package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.callmask.system.CachedBodyRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * SignalWire's calling webhook: a call to a proxy number. A SWML handler posts JSON and gets SWML;
 * a LaML (cXML) handler posts a form ({@code CallSid}, {@code From}, {@code To}) and gets LaML.
 */
@RestController
class CallWebhookController {

    private final CallRouter router;
    private final SwmlWriter swml;
    private final LamlWriter laml;
    private final TelephonyProperties properties;
    private final WebhookObserver observer;
    private final InteractionRecorder recorder;
    private final StatusUrls statusUrls;

    CallWebhookController(
            CallRouter router,
            SwmlWriter swml,
            LamlWriter laml,
            TelephonyProperties properties,
            WebhookObserver observer,
            InteractionRecorder recorder,
            StatusUrls statusUrls) {
        this.router = router;
        this.swml = swml;
        this.laml = laml;
        this.properties = properties;
        this.observer = observer;
        this.recorder = recorder;
        this.statusUrls = statusUrls;
    }

    // GET too, as the seed did: a number whose handler is set to GET still gets an answer (a refusal,
    // since a GET carries no call).
    @RequestMapping(
            path = WebhookRoutes.CALLS,
            method = {RequestMethod.POST, RequestMethod.GET})
    void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        byte[] body = CachedBodyRequest.bodyOf(request);
        // A body is read only as what its type, which the signature check also went by, says it is.
        boolean form = WebhookBody.of(request, body) == WebhookBody.FORM;
        byte[] answer;
        try {
            InboundCall call;
            if (form) {
                FormFields fields = FormFields.of(WebhookBody.FORM, body);
                call = new InboundCall(fields.first("From"), fields.first("To"), fields.first("CallSid"));
            } else {
                call = WebhookBody.of(request, body) == WebhookBody.JSON
                        ? InboundCall.parse(body)
                        : new InboundCall(null, null, null);
            }
            Routing routing = router.decide(CallRouter.Contact.CALL, call.from(), call.to());
            String statusUrl = recorder.record(CallRouter.Contact.CALL, routing, call.id(), "", List.of())
                    .map(recorded -> statusUrls.forCall(request, recorded))
                    .orElse(null);
            RoutingDecision decision = routing.decision();
            answer = form
                    ? laml.writeVoice(decision, properties.refusalMessage(), statusUrl)
                    : swml.write(decision, statusUrl);
            observer.answered(WebhookObserver.Kind.CALL, decision, call.from(), call.to(), started);
        } catch (RuntimeException e) {
            // The caller hears the refusal rather than a carrier error, whatever broke.
            RoutingDecision refusal = new RoutingDecision.Refuse(RoutingDecision.Reason.FAILURE);
            answer = form ? laml.writeVoice(refusal, properties.refusalMessage()) : swml.write(refusal);
            observer.failed(WebhookObserver.Kind.CALL, e, started);
        }
        WebhookAnswer.send(response, form ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON, answer);
    }
}
