package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.callmask.system.CachedBodyRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** SignalWire's LaML messaging webhook: an SMS or MMS to a proxy number, answered with LaML. */
@RestController
class MessageWebhookController {

    /** SignalWire's REST API and SWML cap a message at 8 media; its LaML page says 10. */
    static final int MAX_MEDIA = 8;

    private final CallRouter router;
    private final LamlWriter laml;
    private final WebhookObserver observer;
    private final InteractionRecorder recorder;
    private final StatusUrls statusUrls;

    MessageWebhookController(
            CallRouter router,
            LamlWriter laml,
            WebhookObserver observer,
            InteractionRecorder recorder,
            StatusUrls statusUrls) {
        this.router = router;
        this.laml = laml;
        this.observer = observer;
        this.recorder = recorder;
        this.statusUrls = statusUrls;
    }

    @RequestMapping(
            path = WebhookRoutes.TEXTS,
            method = {RequestMethod.POST, RequestMethod.GET})
    void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        byte[] answer;
        try {
            FormFields form = fieldsOf(request);
            String from = form.first("From");
            String to = form.first("To");
            String body = form.first("Body") == null ? "" : form.first("Body");
            Routing routing = from == null || to == null
                    ? Routing.unattributed(new RoutingDecision.Refuse(RoutingDecision.Reason.MALFORMED))
                    : router.decide(CallRouter.Contact.MESSAGE, from, to);
            List<URI> media = media(form);
            String statusUrl = recorder.record(
                            CallRouter.Contact.MESSAGE, routing, form.first("MessageSid"), body, media)
                    .map(recorded -> statusUrls.forMessage(request, recorded))
                    .orElse(null);
            RoutingDecision decision = routing.decision();
            answer = laml.write(decision, body, media, statusUrl);
            observer.answered(WebhookObserver.Kind.MESSAGE, decision, from, to, started);
        } catch (RuntimeException e) {
            answer = laml.empty();
            observer.failed(WebhookObserver.Kind.MESSAGE, e, started);
        }
        WebhookAnswer.send(response, MediaType.APPLICATION_XML, answer);
    }

    /**
     * A GET carries its fields in the (signed) query; a POST in a form body. A POST's query is
     * never read as fields, and a body is read as a form only when its type says so.
     */
    private static FormFields fieldsOf(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return FormFields.parse(request.getQueryString());
        }
        byte[] body = CachedBodyRequest.bodyOf(request);
        return FormFields.of(WebhookBody.of(request, body), body);
    }

    /** {@code MediaUrl0 … MediaUrl(NumMedia-1)}, only http(s) URLs, at most {@link #MAX_MEDIA}. */
    private static List<URI> media(FormFields form) {
        int count;
        try {
            count = Integer.parseInt(String.valueOf(form.first("NumMedia")).trim());
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<URI> media = new ArrayList<>();
        for (int i = 0; i < Math.min(count, MAX_MEDIA); i++) {
            String url = form.first("MediaUrl" + i);
            if (url == null) {
                continue;
            }
            try {
                URI uri = new URI(url.strip());
                if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    media.add(uri);
                }
            } catch (URISyntaxException e) {
                // A URL SignalWire would not accept either: forward the rest.
            }
        }
        return media;
    }
}
