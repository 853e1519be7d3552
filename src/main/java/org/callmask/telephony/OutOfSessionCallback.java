package org.callmask.telephony;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.outbound.OutboundAnswer;
import org.callmask.outbound.OutboundAnswer.Answered;
import org.callmask.outbound.OutboundAnswer.NotAnswered;
import org.callmask.outbound.OutboundHttp;
import org.callmask.service.OutOfSession;
import org.callmask.service.ProxyService;
import org.callmask.session.ClosedSessionRef;
import org.callmask.session.SessionId;
import org.callmask.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks the platform what to do with a call or text no session carries, naming the session the
 * caller last had on the number if it closed within the service's grace period, so the platform
 * can tell a returning participant from a stranger (and re-open the session). Never throws: no
 * usable answer, for whatever reason, is {@link Answer#NONE}, and the policy's fallback applies.
 */
@Component
class OutOfSessionCallback {

    /** The platform answers while the caller waits, and SignalWire gives a webhook about 5 s. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(OutOfSessionCallback.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What the platform answered.
     *
     * @param session put the contact through this session (which the platform has usually just
     *     re-opened); {@code null} for none
     * @param text say this to the caller, or text it back to the sender; {@code null} for none
     */
    record Answer(SessionId session, String text) {

        static final Answer NONE = new Answer(null, null);
    }

    private final SignedRequests requests;
    private final Sessions sessions;

    OutOfSessionCallback(SignedRequests requests, Sessions sessions) {
        this.requests = requests;
        this.sessions = sessions;
    }

    Answer ask(CallRouter.Contact contact, ProxyService service, URI url, PhoneNumber caller, PhoneNumber proxy) {
        String problem;
        try {
            OutboundAnswer answer = requests.post(service.id(), url, body(contact, service, caller, proxy), TIMEOUT);
            if (answer instanceof Answered answered && answered.isSuccess()) {
                return read(contact, answered.body());
            }
            problem = answer instanceof Answered answered
                    ? "answered " + answered.status()
                    : ((NotAnswered) answer).detail();
        } catch (RuntimeException e) {
            // The type only: a message could quote the URL, whose query may hold a token.
            problem = "failed: " + e.getClass().getName();
        }
        log.warn(
                "Out-of-session callback of service {} about a {} on {} gave no answer ({}); its fallback applies",
                service.id(),
                contact.wire(),
                proxy.redacted(),
                problem);
        return Answer.NONE;
    }

    private ObjectNode body(CallRouter.Contact contact, ProxyService service, PhoneNumber caller, PhoneNumber proxy) {
        Duration grace = service.settings().hooks().gracePeriod();
        Optional<ClosedSessionRef> closed =
                grace.isZero() ? Optional.empty() : sessions.recentlyClosed(service.id(), caller, proxy, grace);
        ObjectNode body = JSON.createObjectNode();
        body.put("interaction_type", contact.wire());
        // The caller's real number goes to the platform that put it in its sessions in the first place.
        body.put("from", caller.e164());
        body.put("proxy_number", proxy.e164());
        body.put("session_id", closed.map(c -> c.id().value()).orElse(null));
        body.put("closed_reason", closed.map(c -> c.reason().wire()).orElse(null));
        return body;
    }

    /** Leniently: unknown fields are ignored, and a field that is not usable counts as absent. */
    private static Answer read(CallRouter.Contact contact, byte[] body) {
        if (body.length == 0 || body.length >= OutboundHttp.MAX_ANSWER) {
            // Empty (204) says "no answer"; one cut at the limit is not the platform's whole answer.
            return Answer.NONE;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            return Answer.NONE;
        }
        if (answer == null || !answer.isObject()) {
            return Answer.NONE;
        }
        JsonNode session = answer.path("session_id");
        if (!session.isMissingNode() && !session.isNull()) {
            // A session named is the platform's answer, even when it is no session: no text instead.
            return session.isString() && SessionId.looksLikeOne(session.asString())
                    ? new Answer(new SessionId(session.asString()), null)
                    : Answer.NONE;
        }
        JsonNode text = answer.path(contact == CallRouter.Contact.CALL ? "announce" : "reply");
        if (text.isString() && isSayable(contact, text.asString())) {
            return new Answer(null, text.asString());
        }
        return Answer.NONE;
    }

    /** The rules the service's own announcement and reply follow. */
    private static boolean isSayable(CallRouter.Contact contact, String text) {
        try {
            if (contact == CallRouter.Contact.CALL) {
                new OutOfSession.Announce(text);
            } else {
                new OutOfSession.Reply(text);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
