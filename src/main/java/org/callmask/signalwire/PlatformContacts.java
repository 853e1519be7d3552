package org.callmask.signalwire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.callmask.core.Sha256;
import org.callmask.interaction.IdempotencyKeyMismatch;
import org.callmask.interaction.IdempotencyKeyUsed;
import org.callmask.interaction.Interaction;
import org.callmask.interaction.InteractionLog;
import org.callmask.interaction.InteractionStatus;
import org.callmask.interaction.NewInteraction;
import org.callmask.interaction.Recorded;
import org.callmask.interaction.StatusReport;
import org.callmask.service.ProxyService;
import org.callmask.session.Participant;
import org.callmask.session.ParticipantId;
import org.callmask.session.ParticipantNotFound;
import org.callmask.session.ProxySession;
import org.callmask.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What messages and calls the platform starts have in common: one interaction per request (an
 * idempotency key seen before with the same request gets the first request's, and nothing is sent
 * again; one seen with another request is refused), put on record before SignalWire hears of it,
 * and SignalWire's answer written onto it. When SignalWire certainly sent nothing, the key is freed
 * so that the platform's retry sends.
 */
@Component
class PlatformContacts {

    private static final Logger log = LoggerFactory.getLogger(PlatformContacts.class);

    private final InteractionLog interactions;
    private final Clock clock;

    PlatformContacts(InteractionLog interactions, Clock clock) {
        this.interactions = interactions;
        this.clock = clock;
    }

    /**
     * The contact an earlier request with this idempotency key started, if any.
     *
     * @param fingerprint of the request now, from {@link #fingerprint}
     * @throws IdempotencyKeyMismatch when the key came with another request
     */
    Optional<Started> replay(ProxyService service, String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return interactions
                .findByIdempotencyKey(service.id(), idempotencyKey, fingerprint)
                .map(i -> new Started(i, true));
    }

    /** SHA-256 of a request's parts, each prefixed with its length so no two lists share one. */
    static String fingerprint(String... parts) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
            request.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            request.writeBytes(bytes);
        }
        return HexFormat.of().formatHex(Sha256.of(request.toByteArray()));
    }

    /** @throws ContactRefused when the session is closed */
    static void requireOpen(ProxySession session) {
        if (session.status() == SessionStatus.CLOSED) {
            throw new ContactRefused(ContactRefused.Reason.SESSION_CLOSED);
        }
    }

    /**
     * @throws ParticipantNotFound when the session never had this participant
     * @throws ContactRefused when it was removed
     */
    static Participant participant(ProxySession session, ParticipantId id) {
        Participant found = session.participants().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(ParticipantNotFound::new);
        if (found.isRemoved()) {
            throw new ContactRefused(ContactRefused.Reason.PARTICIPANT_REMOVED);
        }
        return found;
    }

    /**
     * Puts the contact on record, has SignalWire carry it out, and writes the outcome on the record.
     *
     * @param fingerprint of the request, kept with its idempotency key
     * @param send asks SignalWire, given the record's status-callback token; answers SignalWire's
     *     id for what it created
     * @param accepted the status the contact has once SignalWire took it; empty for none yet
     * @param failed the status it has when SignalWire refused it
     */
    Started start(
            ProxyService service,
            NewInteraction contact,
            String fingerprint,
            Function<Recorded, String> send,
            Optional<InteractionStatus> accepted,
            InteractionStatus failed) {
        Recorded recorded;
        try {
            recorded = interactions.recordNow(contact, fingerprint);
        } catch (IdempotencyKeyUsed e) {
            // The same request, sent twice at once: the other one sends.
            return replay(service, contact.idempotencyKey(), fingerprint).orElseThrow(() -> e);
        }
        try {
            String ref = send.apply(recorded);
            report(
                    recorded,
                    new StatusReport(
                            accepted,
                            clock.instant(),
                            Optional.ofNullable(ref),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
        } catch (SignalWireRejected e) {
            report(recorded, failure(failed, "signalwire-" + (e.code() == null ? e.status() : e.code())));
            release(service, contact, recorded);
            throw e;
        } catch (SignalWireUnavailable e) {
            if (!e.maybeDone()) {
                report(recorded, failure(failed, "signalwire-unavailable"));
                release(service, contact, recorded);
            }
            throw e;
        }
        return new Started(find(service, recorded), false);
    }

    /** Nothing was sent, so the platform's retry with the same key should send. */
    private void release(ProxyService service, NewInteraction contact, Recorded recorded) {
        if (contact.idempotencyKey() == null) {
            return;
        }
        try {
            interactions.releaseIdempotencyKey(service.id(), recorded.id());
        } catch (RuntimeException e) {
            log.warn(
                    "The idempotency key of interaction {} could not be freed: {}",
                    recorded.id().value(),
                    e.getClass().getName());
        }
    }

    private StatusReport failure(InteractionStatus failed, String reason) {
        return new StatusReport(
                Optional.of(failed),
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(reason),
                Optional.empty());
    }

    private void report(Recorded recorded, StatusReport report) {
        try {
            interactions.report(recorded.token(), report);
        } catch (RuntimeException e) {
            // The contact went out (or failed) all the same; the status callbacks will tell the rest.
            log.warn(
                    "The outcome of interaction {} could not be recorded: {}",
                    recorded.id().value(),
                    e.getClass().getName());
        }
    }

    private Interaction find(ProxyService service, Recorded recorded) {
        return interactions.find(service.id(), recorded.id()).orElseThrow();
    }
}
