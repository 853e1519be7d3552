package org.callmask.telephony;

import java.net.URI;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.outbound.OutboundAnswer;
import org.callmask.outbound.OutboundAnswer.Answered;
import org.callmask.outbound.OutboundAnswer.NotAnswered;
import org.callmask.service.Hooks;
import org.callmask.service.InterceptFailure;
import org.callmask.service.ProxyService;
import org.callmask.session.Route;
import org.callmask.telephony.RoutingDecision.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks the service's intercept hook whether a call or text may go through its session: 403 keeps
 * it out, any 2xx lets it through, and anything else (no answer in time, no connection, a refused
 * address, a redirect, any other status) is no verdict, which the service's {@code
 * intercept_on_failure} settles. Never throws: a webhook must answer whatever the hook does.
 */
@Component
class InterceptHook {

    private static final Logger log = LoggerFactory.getLogger(InterceptHook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignedRequests requests;
    private final InterceptProperties properties;

    InterceptHook(SignedRequests requests, InterceptProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    /**
     * Why the contact must not go through {@code route}; empty when it may, which it always may
     * when the service has no hook.
     *
     * @param route a route with a callee
     */
    Optional<Reason> refusal(CallRouter.Contact contact, ProxyService service, Route route, PhoneNumber proxy) {
        Hooks hooks = service.settings().hooks();
        Optional<URI> url = hooks.intercept();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String problem;
        try {
            OutboundAnswer answer = requests.post(service.id(), url.get(), body(contact, route), properties.timeout());
            if (answer instanceof Answered answered) {
                if (answered.status() == 403) {
                    log.info(
                            "Intercept hook of service {} blocked a {} in session {} on {}",
                            service.id(),
                            contact.wire(),
                            route.sessionId(),
                            proxy.redacted());
                    return Optional.of(Reason.BLOCKED);
                }
                if (answered.isSuccess()) {
                    return Optional.empty();
                }
                problem = "answered " + answered.status();
            } else {
                problem = ((NotAnswered) answer).detail();
            }
        } catch (RuntimeException e) {
            // The type only: a message could quote the URL, whose query may hold a token.
            problem = "failed: " + e.getClass().getName();
        }
        boolean deny = hooks.interceptOnFailure() == InterceptFailure.DENY;
        log.warn(
                "Intercept hook of service {} gave no verdict on a {} in session {} on {} ({}); it is {}",
                service.id(),
                contact.wire(),
                route.sessionId(),
                proxy.redacted(),
                problem,
                deny ? "blocked" : "let through");
        return deny ? Optional.of(Reason.INTERCEPT_FAILED) : Optional.empty();
    }

    private static ObjectNode body(CallRouter.Contact contact, Route route) {
        ObjectNode body = JSON.createObjectNode();
        body.put("session_id", route.sessionId().value());
        body.put("interaction_type", contact.wire());
        body.put("from_participant_id", route.caller().value());
        body.put("to_participant_id", route.calleeId().value());
        return body;
    }
}
