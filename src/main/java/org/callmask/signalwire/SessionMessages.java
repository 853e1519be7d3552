package org.callmask.signalwire;

import java.net.URI;
import java.util.Optional;
import org.callmask.interaction.InteractionStatus;
import org.callmask.interaction.InteractionType;
import org.callmask.interaction.NewInteraction;
import org.callmask.interaction.Origin;
import org.callmask.interaction.Outcome;
import org.callmask.service.ProxyService;
import org.callmask.session.Participant;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionId;
import org.callmask.session.SessionKey;
import org.callmask.session.Sessions;
import org.callmask.telephony.WebhookRoutes;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Messages the platform sends through a session ("your courier is outside"): from the proxy number
 * the recipient knows the session by, through the Compatibility API's {@code Messages.json}, whose
 * {@code StatusCallback} SignalWire honours (a LaML {@code <Message>}'s is not documented).
 */
@Service
public class SessionMessages {

    private final Sessions sessions;
    private final PlatformContacts contacts;
    private final SignalWireClient client;
    private final CallbackAddress address;

    SessionMessages(Sessions sessions, PlatformContacts contacts, SignalWireClient client, CallbackAddress address) {
        this.sessions = sessions;
        this.contacts = contacts;
        this.client = client;
        this.address = address;
    }

    /**
     * @param idempotencyKey the platform's key for this send; {@code null} for none
     * @throws SignalWireNotConfigured before anything is recorded or sent
     * @throws org.callmask.interaction.IdempotencyKeyMismatch when the key came with another request before
     * @throws ContactRefused when the session is closed, carries no messages, or the recipient was
     *     removed
     * @throws SignalWireRejected when SignalWire refused the message (it is on record as failed)
     * @throws SignalWireUnavailable when SignalWire could not be asked
     */
    public Started send(ProxyService service, SessionId sessionId, OutboundMessage message, String idempotencyKey) {
        address.requireReady();
        String fingerprint = PlatformContacts.fingerprint(
                "message",
                sessionId.value(),
                message.to().value(),
                message.body(),
                message.mediaUrls().toString());
        Optional<Started> replayed = contacts.replay(service, idempotencyKey, fingerprint);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        ProxySession session = sessions.find(service, sessionId);
        PlatformContacts.requireOpen(session);
        if (!session.mode().allowsMessages()) {
            throw new ContactRefused(ContactRefused.Reason.MODE_NOT_ALLOWED);
        }
        Participant to = PlatformContacts.participant(session, message.to());
        SessionKey key = sessions.keyOf(service, sessionId);
        NewInteraction contact = new NewInteraction(
                service.id(),
                key,
                session.id(),
                InteractionType.MESSAGE,
                null,
                to.id(),
                to.proxyNumber(),
                null,
                Outcome.CONNECTED,
                null,
                message.body(),
                message.mediaUrls().stream().map(URI::toString).toList(),
                session.callbackUrl(),
                Origin.API,
                idempotencyKey);
        return contacts.start(
                service,
                contact,
                fingerprint,
                recorded -> {
                    SignalWireClient.Form form = new SignalWireClient.Form()
                            .add("From", to.proxyNumber().e164())
                            .add("To", to.number().e164())
                            .add("Body", message.body())
                            .add("StatusCallback", address.of(WebhookRoutes.TEXT_STATUS, recorded.token()));
                    message.mediaUrls().forEach(url -> form.add("MediaUrl", url.toString()));
                    JsonNode answer = client.exchange(SignalWireClient.Call.form(
                            "send-message",
                            "/api/laml/2010-04-01/Accounts/" + SignalWireClient.encode(client.projectId())
                                    + "/Messages.json",
                            form.fields()));
                    return text(answer.path("sid"));
                },
                Optional.of(InteractionStatus.QUEUED),
                InteractionStatus.FAILED);
    }

    static String text(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        String text = node.asString().strip();
        return text.isEmpty() || text.length() > 64 ? null : text;
    }
}
