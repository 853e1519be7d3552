package org.callmask.telephony;

import java.net.URI;
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
 * caller's session on that number, shown from the other participant's proxy number, unless the
 * service's intercept hook says no; otherwise the out-of-session policy of the service that owns
 * the number, which may ask the platform first. Never throws: whatever fails becomes a refusal, so
 * the webhook can always answer with a valid document.
 */
@Service
public class CallRouter {

    private static final Logger log = LoggerFactory.getLogger(CallRouter.class);

    /** What kind of contact is being routed. */
    enum Contact {
        CALL,
        MESSAGE;

        /** The name hooks and the interaction log use: {@code call} or {@code message}. */
        String wire() {
            return this == CALL ? "call" : "message";
        }
    }

    private final Sessions sessions;
    private final Services services;
    private final NumberPool pool;
    private final InterceptHook intercept;
    private final OutOfSessionCallback callback;

    CallRouter(
            Sessions sessions,
            Services services,
            NumberPool pool,
            InterceptHook intercept,
            OutOfSessionCallback callback) {
        this.sessions = sessions;
        this.services = services;
        this.pool = pool;
        this.intercept = intercept;
        this.callback = callback;
    }

    /**
     * @param caller who is calling or texting, as the carrier sent it
     * @param proxy the proxy number dialled, as the carrier sent it
     */
    Routing decide(Contact contact, String caller, String proxy) {
        // Most contacts are a participant calling its proxy number, both sent in E.164 as they are
        // stored: a route found under the numbers as sent needs neither parsed, since both were
        // parsed when they were stored. Anything else is parsed before it is looked at.
        PhoneNumber from = PhoneNumber.asStoredOrNull(caller);
        PhoneNumber to = PhoneNumber.asStoredOrNull(proxy);
        try {
            Optional<Route> found = from != null && to != null ? sessions.route(from, to) : Optional.empty();
            if (found.isEmpty()) {
                PhoneNumber parsedFrom = PhoneNumber.parseOrNull(caller);
                PhoneNumber parsedTo = PhoneNumber.parseOrNull(proxy);
                if (parsedFrom == null || parsedTo == null) {
                    return Routing.unattributed(new Refuse(Reason.MALFORMED));
                }
                if (!parsedFrom.equals(from) || !parsedTo.equals(to)) {
                    found = sessions.route(parsedFrom, parsedTo);
                }
                from = parsedFrom;
                to = parsedTo;
            }
            if (found.isPresent()) {
                Route route = found.get();
                ProxyService service = services.find(route.service()).orElse(null);
                Reason reason = !allows(contact, route) ? Reason.MODE : Reason.ALONE;
                if (service == null) {
                    return new Routing(new Refuse(reason), null, route, to);
                }
                if (carries(contact, route)) {
                    return throughSession(contact, service, route, from, to);
                }
                return outsideSessions(contact, service, route, from, to, reason);
            }
            ProxyService owner = pool.find(to)
                    .map(PoolNumber::serviceId)
                    .flatMap(this::service)
                    .orElse(null);
            if (owner == null) {
                return new Routing(new Refuse(Reason.NO_ROUTE), null, null, to);
            }
            return outsideSessions(contact, owner, null, from, to, Reason.NO_ROUTE);
        } catch (RuntimeException e) {
            log.error(
                    "Routing failed for a call to {}: {}",
                    to == null ? PhoneNumber.redact(proxy) : to.redacted(),
                    e.getClass().getName());
            return Routing.unattributed(new Refuse(Reason.FAILURE));
        }
    }

    private Optional<ProxyService> service(ServiceId id) {
        return services.find(id);
    }

    private static boolean allows(Contact contact, Route route) {
        return contact == Contact.CALL
                ? route.mode().allowsCalls()
                : route.mode().allowsMessages();
    }

    /** Whether the session puts this contact through: its mode allows it and there is someone to reach. */
    private static boolean carries(Contact contact, Route route) {
        return allows(contact, route) && route.hasCallee();
    }

    /** To the session's other participant, unless the service's intercept hook keeps it out. */
    private Routing throughSession(
            Contact contact, ProxyService service, Route route, PhoneNumber caller, PhoneNumber proxy) {
        Optional<Reason> refusal = intercept.refusal(contact, service, route, proxy);
        if (refusal.isPresent()) {
            // The platform has just given its verdict, so a callback policy is not asked again:
            // its fallback applies. The session saw no interaction, so it is not marked.
            RoutingDecision decision = policy(contact, service, caller, proxy, refusal.get());
            return new Routing(decision, service.id(), route, proxy, refusal.get());
        }
        return connected(service, route, proxy);
    }

    private Routing connected(ProxyService service, Route route, PhoneNumber proxy) {
        sessions.interacted(route.session());
        return new Routing(
                new Connect(
                        route.calleeProxy(),
                        route.callee(),
                        route.voice().applyTo(service.settings().voice())),
                service.id(),
                route,
                proxy);
    }

    /**
     * The service's treatment of contacts no session carries. A callback policy asks the platform,
     * which may name a session to put the contact through (one it has just re-opened), or give the
     * words to say or text back; without a usable answer the policy's fallback applies.
     *
     * @param route the caller's session on the number when it does not carry the contact; {@code
     *     null} when the caller has none
     */
    private Routing outsideSessions(
            Contact contact, ProxyService service, Route route, PhoneNumber caller, PhoneNumber proxy, Reason reason) {
        URI url = callbackUrl(contact, service.settings().outOfSession());
        if (url != null) {
            OutOfSessionCallback.Answer answer = callback.ask(contact, service, url, caller, proxy);
            if (answer.session() != null) {
                Optional<Route> named = sessions.route(caller, proxy)
                        .filter(r -> r.sessionId().equals(answer.session())
                                && r.service().equals(service.id())
                                && carries(contact, r));
                if (named.isPresent()) {
                    return connected(service, named.get(), proxy);
                }
                log.info(
                        "Out-of-session callback of service {} named session {}, which does not carry a {} from the "
                                + "caller on {}; its fallback applies",
                        service.id(),
                        answer.session(),
                        contact.wire(),
                        proxy.redacted());
            } else if (answer.text() != null) {
                RoutingDecision said = contact == Contact.CALL
                        ? new Refuse(reason, answer.text())
                        : new Reply(caller, proxy, answer.text(), reason);
                return new Routing(said, service.id(), route, proxy);
            }
        }
        return new Routing(policy(contact, service, caller, proxy, reason), service.id(), route, proxy);
    }

    /** Where the service's policy for this kind of contact asks the platform; {@code null} when it does not. */
    private static URI callbackUrl(Contact contact, OutOfSession policy) {
        if (contact == Contact.CALL) {
            return policy.call() instanceof OutOfSession.CallCallback callback ? callback.url() : null;
        }
        return policy.message() instanceof OutOfSession.MessageCallback callback ? callback.url() : null;
    }

    /** The service's policy without asking the platform: a callback policy's fallback. */
    private RoutingDecision policy(
            Contact contact, ProxyService service, PhoneNumber caller, PhoneNumber proxy, Reason reason) {
        OutOfSession policy = service.settings().outOfSession();
        if (contact == Contact.CALL) {
            OutOfSession.CallPolicy call =
                    policy.call() instanceof OutOfSession.CallCallback callback ? callback.fallback() : policy.call();
            // A call from a proxy number is a leg CallMask placed itself, forwarded into a pool:
            // forwarding it again would ring on from number to number (services forwarding to each
            // other's numbers form a ring), so it hears the refusal instead.
            if (call instanceof OutOfSession.Forward forward
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
            String message = call instanceof OutOfSession.Announce announce ? announce.message() : null;
            return new Refuse(reason, message);
        }
        OutOfSession.MessagePolicy message = policy.message() instanceof OutOfSession.MessageCallback callback
                ? callback.fallback()
                : policy.message();
        if (message instanceof OutOfSession.Reply reply) {
            return new Reply(caller, proxy, reply.text(), reason);
        }
        return new Refuse(reason);
    }
}
