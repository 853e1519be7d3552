package org.callmask.signalwire;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
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
 * idempotency key seen before gets the first request's, and nothing is sent again), put on record
 * before SignalWire hears of it, and SignalWire's answer written onto it.
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

    Optional<Started> replay(ProxyService service, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return interactions.findByIdempotencyKey(service.id(), idempotencyKey).map(i -> new Started(i, true));
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
     * @param send asks SignalWire, given the record's status-callback token; answers SignalWire's
     *     id for what it created
     * @param accepted the status the contact has once SignalWire took it; empty for none yet
     * @param failed the status it has when SignalWire refused it
     */
    Started start(
            ProxyService service,
            NewInteraction contact,
            Function<Recorded, String> send,
            Optional<InteractionStatus> accepted,
            InteractionStatus failed) {
        Recorded recorded;
        try {
            recorded = interactions.recordNow(contact);
        } catch (IdempotencyKeyUsed e) {
            // The same request, sent twice at once: the other one sends.
            return replay(service, contact.idempotencyKey()).orElseThrow(() -> e);
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
            throw e;
        } catch (SignalWireUnavailable e) {
            if (!e.maybeDone()) {
                report(recorded, failure(failed, "signalwire-unavailable"));
            }
            throw e;
        }
        return new Started(find(service, recorded), false);
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
