package org.callmask.telephony;

import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.service.OutOfSession;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.service.VoiceOptions;
import org.callmask.session.Route;
import org.callmask.session.Sessions;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Reason;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.callmask.telephony.RoutingDecision.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides where an inbound call or message to a proxy number goes: to the other participant of the
 * caller's session on that number, shown from the other participant's proxy number; otherwise the
 * out-of-session policy of the service that owns the number. Never throws: whatever fails becomes
 * a refusal, so the webhook can always answer with a valid document.
 */
@Service
public class CallRouter {

    private static final Logger log = LoggerFactory.getLogger(CallRouter.class);

    /** What kind of contact is being routed. */
    enum Contact {
        CALL,
        MESSAGE
    }

    private final Sessions sessions;
    private final Services services;
    private final NumberPool pool;

    CallRouter(Sessions sessions, Services services, NumberPool pool) {
        this.sessions = sessions;
        this.services = services;
        this.pool = pool;
    }

    /**
     * @param caller who is calling or texting, as the carrier sent it
     * @param proxy the proxy number dialled, as the carrier sent it
     */
    Routing decide(Contact contact, String caller, String proxy) {
        PhoneNumber from = PhoneNumber.parseOrNull(caller);
        PhoneNumber to = PhoneNumber.parseOrNull(proxy);
        if (from == null || to == null) {
            return Routing.unattributed(new Refuse(Reason.MALFORMED));
        }
        try {
            Optional<Route> found = sessions.route(from, to);
            if (found.isPresent()) {
                Route route = found.get();
                ProxyService service = services.find(route.service()).orElse(null);
                boolean allowed = contact == Contact.CALL
                        ? route.mode().allowsCalls()
                        : route.mode().allowsMessages();
                if (service != null && allowed && route.hasCallee()) {
                    sessions.interacted(route.session());
                    return new Routing(
                            new Connect(
                                    route.calleeProxy(),
                                    route.callee(),
                                    route.voice().applyTo(service.settings().voice())),
                            route.service(),
                            route,
                            to);
                }
                return new Routing(
                        outOfSession(contact, service, from, to, !allowed ? Reason.MODE : Reason.ALONE),
                        service == null ? null : service.id(),
                        route,
                        to);
            }
            ProxyService owner = pool.find(to)
                    .map(PoolNumber::serviceId)
                    .flatMap(this::service)
                    .orElse(null);
            return new Routing(
                    outOfSession(contact, owner, from, to, Reason.NO_ROUTE),
                    owner == null ? null : owner.id(),
                    null,
                    to);
        } catch (RuntimeException e) {
            log.error(
                    "Routing failed for a call to {}: {}",
                    to.redacted(),
                    e.getClass().getName());
            return Routing.unattributed(new Refuse(Reason.FAILURE));
        }
    }

    private Optional<ProxyService> service(ServiceId id) {
        return services.find(id);
    }

    /** The service's policy for contacts no session carries; a plain refusal when no service owns the number. */
    private RoutingDecision outOfSession(
            Contact contact, ProxyService service, PhoneNumber caller, PhoneNumber proxy, Reason reason) {
        if (service == null) {
            return new Refuse(reason);
        }
        OutOfSession policy = service.settings().outOfSession();
        if (contact == Contact.CALL) {
            // A call from a proxy number is a leg CallMask placed itself, forwarded into a pool:
            // forwarding it again would ring on from number to number (services forwarding to each
            // other's numbers form a ring), so it hears the refusal instead.
            if (policy.call() instanceof OutOfSession.Forward forward
                    && !forward.to().equals(caller)
                    && pool.find(caller).isEmpty()) {
                // The whisper is meant for participants, not for whoever answers the forwarding number.
                VoiceOptions voice = service.settings().voice();
                return new Connect(
                        proxy,
                        forward.to(),
                        new VoiceOptions(
                                voice.record(),
                                voice.ringTimeout(),
                                voice.maxDuration(),
                                null,
                                voice.answerOnBridge()));
            }
            String message = policy.call() instanceof OutOfSession.Announce announce ? announce.message() : null;
            return new Refuse(reason, message);
        }
        if (policy.message() instanceof OutOfSession.Reply reply) {
            return new Reply(caller, proxy, reply.text(), reason);
        }
        return new Refuse(reason);
    }
}
