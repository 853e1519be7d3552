package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.callmask.interaction.Interaction;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.InteractionType;
import org.callmask.interaction.Origin;
import org.callmask.interaction.Recorded;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionNotFound;
import org.callmask.session.SessionStatus;
import org.callmask.session.Sessions;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Reason;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SWML of a call the platform started, fetched by SignalWire once the first participant
 * answers: connect them to the other participant, shown the proxy number that participant knows
 * the session by, with the session's voice options. The session is read as it is now, not as it
 * was when the call was asked for: closed meanwhile, or the other participant removed, and the
 * first participant hears the refusal message instead. The token in the path is the call's
 * connect token, not its status token, and connects once: a second fetch, one after the call
 * ended, or an unknown token gets the refusal (a webhook always answers a document). The connected
 * leg's status callbacks carry the same token, which tells them from the first leg's.
 */
@RestController
class CallConnectController {

    private static final Logger log = LoggerFactory.getLogger(CallConnectController.class);

    private final InteractionLog interactions;
    private final Services services;
    private final Sessions sessions;
    private final SwmlWriter swml;
    private final StatusUrls statusUrls;

    CallConnectController(
            InteractionLog interactions, Services services, Sessions sessions, SwmlWriter swml, StatusUrls statusUrls) {
        this.interactions = interactions;
        this.services = services;
        this.sessions = sessions;
        this.swml = swml;
        this.statusUrls = statusUrls;
    }

    @RequestMapping(
            path = WebhookRoutes.CALL_CONNECT,
            method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<byte[]> connect(@PathVariable("token") String token, HttpServletRequest request) {
        byte[] answer;
        try {
            Optional<Interaction> call = interactions
                    .findUnconnected(token)
                    .filter(i -> i.origin() == Origin.API && i.type() == InteractionType.CALL && i.to() != null);
            Optional<Connect> connect = call.flatMap(this::decide);
            answer = connect.isPresent() && interactions.claimConnect(token)
                    ? swml.write(
                            connect.get(),
                            statusUrls.forCall(request, new Recorded(call.get().id(), token)))
                    : swml.write(new Refuse(Reason.NO_ROUTE));
        } catch (RuntimeException e) {
            log.warn("A started call could not be connected: {}", e.getClass().getName());
            answer = swml.write(new Refuse(Reason.FAILURE));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private Optional<Connect> decide(Interaction call) {
        Optional<ProxyService> service = services.find(call.service());
        if (service.isEmpty() || call.sessionId() == null) {
            return Optional.empty();
        }
        ProxySession session;
        try {
            session = sessions.find(service.get(), call.sessionId());
        } catch (SessionNotFound e) {
            return Optional.empty();
        }
        if (session.status() == SessionStatus.CLOSED || !session.mode().allowsCalls()) {
            log.info(
                    "Started call {} not connected: its session closed or stopped carrying calls",
                    call.id().value());
            return Optional.empty();
        }
        Optional<Participant> callee = session.activeParticipants().stream()
                .filter(p -> p.id().equals(call.to()))
                .findFirst();
        boolean callerActive = session.activeParticipants().stream().anyMatch(p -> p.id().equals(call.from()));
        if (callee.isEmpty() || !callerActive) {
            log.info(
                    "Started call {} not connected: a participant was removed",
                    call.id().value());
            return Optional.empty();
        }
        return Optional.of(new Connect(
                callee.get().proxyNumber(),
                callee.get().number(),
                session.voice().applyTo(service.get().settings().voice())));
    }
}
