package org.callmask.telephony;

import org.callmask.core.PhoneNumber;
import org.callmask.session.Sessions;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Reason;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides where an inbound call or message to a proxy number goes. Never throws: whatever fails
 * becomes a refusal, so the webhook can always answer with a valid document.
 */
@Service
public class CallRouter {

    private static final Logger log = LoggerFactory.getLogger(CallRouter.class);

    private final Sessions sessions;

    CallRouter(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param caller who is calling or texting, as the carrier sent it
     * @param proxy the proxy number dialled, as the carrier sent it
     */
    RoutingDecision decide(String caller, String proxy) {
        PhoneNumber from = PhoneNumber.parseOrNull(caller);
        PhoneNumber to = PhoneNumber.parseOrNull(proxy);
        if (from == null || to == null) {
            return new Refuse(Reason.MALFORMED);
        }
        try {
            return sessions.route(from, to)
                    .<RoutingDecision>map(route -> new Connect(route.sessionId(), route.calleeProxy(), route.callee()))
                    .orElseGet(() -> new Refuse(Reason.NO_ROUTE));
        } catch (RuntimeException e) {
            log.error(
                    "Routing failed for a call to {}: {}",
                    to.redacted(),
                    e.getClass().getName());
            return new Refuse(Reason.FAILURE);
        }
    }
}
