package org.callmask.telephony;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.InteractionType;
import org.callmask.interaction.NewInteraction;
import org.callmask.interaction.Outcome;
import org.callmask.interaction.Recorded;
import org.callmask.session.ParticipantId;
import org.callmask.session.Route;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.callmask.telephony.RoutingDecision.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a routed contact on record before the webhook answers. Contacts to numbers no service owns
 * (and requests that failed before routing knew the service) have no one to be recorded for. A
 * failure to record never fails the answer: the caller is put through all the same.
 */
@Component
class InteractionRecorder {

    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);

    private final InteractionLog interactions;

    InteractionRecorder(InteractionLog interactions) {
        this.interactions = interactions;
    }

    /**
     * @param inboundRef SignalWire's id for the inbound call or message, if the webhook carried one
     * @param body a message's text; empty for calls
     * @return the record, whose token authenticates the status callbacks; empty when nothing was
     *     recorded
     */
    Optional<Recorded> record(
            CallRouter.Contact contact, Routing routing, String inboundRef, String body, List<URI> media) {
        if (routing.service() == null || routing.proxy() == null) {
            return Optional.empty();
        }
        Route route = routing.route();
        RoutingDecision decision = routing.decision();
        Outcome outcome;
        String reason = null;
        ParticipantId to = null;
        if (routing.blocked() != null) {
            // Whatever the caller got instead (a forward included), the hook kept it out of its session.
            outcome = Outcome.BLOCKED;
            reason = routing.blocked().wire();
        } else if (decision instanceof Connect connect) {
            boolean inSession = route != null
                    && route.hasCallee()
                    && connect.to().equals(route.callee())
                    && connect.from().equals(route.calleeProxy());
            outcome = inSession ? Outcome.CONNECTED : Outcome.FORWARDED;
            to = inSession ? route.calleeId() : null;
        } else if (decision instanceof Refuse refuse) {
            outcome = Outcome.REFUSED;
            reason = refuse.reason().wire();
        } else {
            outcome = Outcome.REFUSED;
            reason = ((Reply) decision).reason().wire();
        }
        NewInteraction interaction = new NewInteraction(
                routing.service(),
                route == null ? null : route.session(),
                route == null ? null : route.sessionId(),
                contact == CallRouter.Contact.CALL ? InteractionType.CALL : InteractionType.MESSAGE,
                route == null ? null : route.caller(),
                to,
                routing.proxy(),
                StatusCallbacks.ref(inboundRef).orElse(null),
                outcome,
                reason,
                body == null || body.isEmpty() ? null : body,
                media.stream().map(URI::toString).toList(),
                route == null ? null : route.callbackUrl());
        try {
            return Optional.of(interactions.record(interaction));
        } catch (RuntimeException e) {
            log.warn(
                    "A {} to {} was not put on record: {}",
                    interaction.type().wire(),
                    routing.proxy().redacted(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }
}
