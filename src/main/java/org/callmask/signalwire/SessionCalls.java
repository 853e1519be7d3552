package org.callmask.signalwire;

import java.util.Optional;
import org.callmask.interaction.InteractionStatus;
import org.callmask.interaction.InteractionType;
import org.callmask.interaction.NewInteraction;
import org.callmask.interaction.Origin;
import org.callmask.interaction.Outcome;
import org.callmask.service.ProxyService;
import org.callmask.service.VoiceOptions;
import org.callmask.session.Participant;
import org.callmask.session.ParticipantId;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionId;
import org.callmask.session.Sessions;
import org.callmask.telephony.WebhookRoutes;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the platform starts between a session's participants (a "call the courier" button): the
 * first participant is dialled from the proxy number they know the session by, and once they
 * answer, connected to the other, who sees the proxy number they know.
 *
 * <p>Through the Calling API ({@code POST /api/calling/calls}, {@code command: dial}) with a SWML
 * URL rather than LaML {@code Calls.json}: voice already speaks SWML on {@code /calls/route}, with
 * the same status callbacks and voice options, and SignalWire fetches the URL only when the first
 * participant answers, so a session closed while their phone rang connects no one.
 */
@Service
public class SessionCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sessions sessions;
    private final PlatformContacts contacts;
    private final SignalWireClient client;
    private final CallbackAddress address;

    SessionCalls(Sessions sessions, PlatformContacts contacts, SignalWireClient client, CallbackAddress address) {
        this.sessions = sessions;
        this.contacts = contacts;
        this.client = client;
        this.address = address;
    }

    /**
     * @param idempotencyKey the platform's key for this call; {@code null} for none
     * @throws SignalWireNotConfigured before anything is recorded or dialled
     * @throws org.callmask.interaction.IdempotencyKeyMismatch when the key came with another request before
     * @throws ContactRefused when the session is closed, carries no calls, the first participant
     *     was removed or has no one to be connected to
     * @throws SignalWireRejected when SignalWire refused the call (it is on record as ended)
     * @throws SignalWireUnavailable when SignalWire could not be asked
     */
    public Started start(ProxyService service, SessionId sessionId, ParticipantId first, String idempotencyKey) {
        address.requireReady();
        String fingerprint = PlatformContacts.fingerprint("call", sessionId.value(), first.value());
        Optional<Started> replayed = contacts.replay(service, idempotencyKey, fingerprint);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        ProxySession session = sessions.find(service, sessionId);
        PlatformContacts.requireOpen(session);
        if (!session.mode().allowsCalls()) {
            throw new ContactRefused(ContactRefused.Reason.MODE_NOT_ALLOWED);
        }
        Participant caller = PlatformContacts.participant(session, first);
        Participant callee = session.activeParticipants().stream()
                .filter(p -> !p.id().equals(caller.id()))
                .findFirst()
                .orElseThrow(() -> new ContactRefused(ContactRefused.Reason.NO_OTHER_PARTICIPANT));
        VoiceOptions voice = session.voice().applyTo(service.settings().voice());
        NewInteraction contact = new NewInteraction(
                service.id(),
                sessions.keyOf(service, sessionId),
                session.id(),
                InteractionType.CALL,
                caller.id(),
                callee.id(),
                caller.proxyNumber(),
                null,
                Outcome.CONNECTED,
                null,
                null,
                null,
                session.callbackUrl(),
                Origin.API,
                idempotencyKey);
        return contacts.start(
                service,
                contact,
                fingerprint,
                recorded -> {
                    ObjectNode request = JSON.createObjectNode().put("command", "dial");
                    ObjectNode params = request.putObject("params")
                            .put("from", caller.proxyNumber().e164())
                            .put("to", caller.number().e164())
                            .put("url", address.of(WebhookRoutes.CALL_CONNECT, recorded.connectToken()))
                            .put("status_url", address.of(WebhookRoutes.CALL_STATUS, recorded.token()))
                            .put("timeout", Math.max(1, Math.min(600, voice.ringTimeout())));
                    // This leg answering is not the call being answered: the connected leg
                    // reports that, under the connect token.
                    params.putArray("status_events").add("ringing").add("ended");
                    JsonNode answer = client.exchange(
                            SignalWireClient.Call.json("dial", "POST", "/api/calling/calls", request, false));
                    return SessionMessages.text(answer.path("id"));
                },
                Optional.empty(),
                InteractionStatus.ENDED);
    }
}
