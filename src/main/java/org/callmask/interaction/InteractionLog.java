package org.callmask.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.service.ServiceId;
import org.callmask.session.Sessions;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Every call and message on record: what the webhooks put through, refused or blocked, and what
 * the status callbacks reported afterwards.
 *
 * <pre>{@code
 * Recorded recorded = log.record(interaction);        // durable when it returns
 * String statusUrl = base + "/calls/status/" + recorded.token();
 * log.report(token, report);                          // from that URL's callback
 * }</pre>
 */
@Service
public class InteractionLog {

    private final InteractionRows rows;
    private final InteractionWriter writer;
    private final InteractionEvents events;
    private final Sessions sessions;
    private final Transactions transactions;
    private final LostRaces races;
    private final Clock clock;
    private final boolean storeContent;

    InteractionLog(
            InteractionRows rows,
            InteractionWriter writer,
            InteractionEvents events,
            Sessions sessions,
            Transactions transactions,
            LostRaces races,
            Clock clock,
            InteractionProperties properties) {
        this.rows = rows;
        this.writer = writer;
        this.events = events;
        this.sessions = sessions;
        this.transactions = transactions;
        this.races = races;
        this.clock = clock;
        this.storeContent = properties.storeContent();
    }

    /**
     * Puts a contact on record: returns at once, and the record is committed a moment later, with
     * others (a status callback that comes sooner waits for it). A message's body and media are
     * kept only when {@code callmask.interactions.store-content} is on and the message was put
     * through: a stranger's text is never kept.
     *
     * @throws InteractionNotRecorded when the writer is too far behind to take it
     */
    public Recorded record(NewInteraction interaction) {
        boolean putThrough = interaction.outcome() == Outcome.CONNECTED || interaction.outcome() == Outcome.FORWARDED;
        NewInteraction kept = storeContent && putThrough ? interaction : interaction.withoutContent();
        Instant at = clock.instant();
        InteractionId id = InteractionId.madeAt(at);
        String token = StatusToken.of(id);
        writer.submit(new InteractionRows.Pending(id, kept, StatusToken.hash(token), at));
        return new Recorded(id, token);
    }

    /**
     * Puts a contact the platform started on record, committed when this returns: SignalWire is
     * told of it only afterwards, and may call back at once. Its session turns {@code in-progress}.
     * A call gets a connect token besides its status token.
     *
     * @param requestHash the fingerprint of the platform's request, kept with its idempotency key
     * @throws IdempotencyKeyUsed when the service has a contact with the same idempotency key
     */
    public Recorded recordNow(NewInteraction interaction, String requestHash) {
        NewInteraction kept = storeContent ? interaction : interaction.withoutContent();
        Instant at = clock.instant();
        InteractionId id = InteractionId.madeAt(at);
        String token = StatusToken.of(id);
        String connectToken = interaction.type() == InteractionType.CALL && interaction.origin() == Origin.API
                ? StatusToken.random()
                : null;
        InteractionRows.Pending pending = new InteractionRows.Pending(
                id,
                kept,
                StatusToken.hash(token),
                connectToken == null ? null : StatusToken.hash(connectToken),
                requestHash,
                at);
        try {
            transactions.write(status -> {
                rows.insert(List.of(pending));
                events.created(pending);
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw new IdempotencyKeyUsed(interaction.idempotencyKey());
        }
        if (interaction.sessionKey() != null) {
            sessions.interacted(interaction.sessionKey());
        }
        return new Recorded(id, token, connectToken);
    }

    /**
     * The call the platform started whose connect token this is, while it may still be connected:
     * not connected before and not ended.
     */
    public Optional<Interaction> findUnconnected(String connectToken) {
        if (!StatusToken.looksLikeOne(connectToken)) {
            return Optional.empty();
        }
        return rows.byConnectToken(StatusToken.hash(connectToken))
                .filter(t -> !t.connected() && t.status() != InteractionStatus.ENDED)
                .flatMap(t -> rows.find(t.service(), t.id()));
    }

    /**
     * Marks the call connected, once: of two fetches of its connect URL, only one connects it.
     *
     * @return false when it was connected before, has ended, or the token names no call
     */
    public boolean claimConnect(String connectToken) {
        if (!StatusToken.looksLikeOne(connectToken)) {
            return false;
        }
        String hash = StatusToken.hash(connectToken);
        return transactions.write(status -> rows.claimConnect(hash, clock.instant()));
    }

    /**
     * The contact the platform started with this idempotency key, if any.
     *
     * @param requestHash the fingerprint of the request that came with the key now
     * @throws IdempotencyKeyMismatch when the key came with another request before
     */
    public Optional<Interaction> findByIdempotencyKey(ServiceId service, String key, String requestHash) {
        Optional<Interaction> found = rows.findByIdempotencyKey(service, key);
        if (found.isPresent()
                && rows.requestHash(service, key)
                        .filter(h -> !h.equals(requestHash))
                        .isPresent()) {
            throw new IdempotencyKeyMismatch();
        }
        return found;
    }

    /**
     * Frees the idempotency key of a contact SignalWire certainly did not carry out: the platform's
     * retry with that key then sends anew. The contact stays on record as it ended.
     */
    public void releaseIdempotencyKey(ServiceId service, InteractionId id) {
        transactions.write(status -> {
            rows.releaseIdempotencyKey(service, id, clock.instant());
            return null;
        });
    }

    /**
     * Waits until every contact put on record so far is committed, at most {@code max}: what a
     * reader that must see them all (a test, an export) waits for.
     *
     * @return whether all were
     */
    public boolean awaitRecorded(Duration max) {
        return writer.awaitAllWritten(max);
    }

    public Optional<Interaction> find(ServiceId service, InteractionId id) {
        return rows.find(service, id);
    }

    /** A service's interactions, a page at a time, oldest first. */
    public Page<Interaction> page(ServiceId service, InteractionFilter filter, PageRequest request) {
        return Page.of(
                rows.page(service, filter, request),
                request,
                i -> new Cursor(i.createdAt().toEpochMilli(), i.id().value()));
    }

    /**
     * Erases an interaction and its status history, as a platform may have to on request.
     *
     * @return false when the service has no such interaction
     */
    public boolean delete(ServiceId service, InteractionId id) {
        return transactions.write(status -> rows.delete(service, id));
    }

    /**
     * Applies a status callback to the interaction its token names. A status of the other type
     * (a message status on a call) is ignored; the history keeps each status once; the status
     * itself only moves forward. Of a call the platform started, the second leg (named by the
     * connect token) tells how the call went; the first leg only that it rang, and that it ended
     * when it was never connected to the other participant.
     *
     * @return false when no interaction has this token: nothing is stored
     */
    public boolean report(String token, StatusReport report) {
        if (!StatusToken.looksLikeOne(token)) {
            return false;
        }
        String hash = StatusToken.hash(token);
        return races.retry(() -> {
            InteractionId named = StatusToken.idOf(token);
            Optional<InteractionRows.Target> found = rows.byToken(named, hash);
            if (found.isEmpty()) {
                // The answer named this callback's URL before its record was committed: wait for it
                // if it is still to be written, and read again either way, since it may have been
                // committed between the read and the wait.
                writer.awaitWritten(hash);
                found = rows.byToken(named, hash);
            }
            if (found.isEmpty()) {
                found = rows.byConnectToken(hash);
            }
            if (found.isEmpty()) {
                return false;
            }
            InteractionRows.Target target = found.get();
            if (!tellsOfTheCall(target, report)) {
                return true;
            }
            Optional<InteractionStatus> reported = report.status().filter(s -> s.type() == target.type());
            InteractionStatus next =
                    reported.filter(s -> s.supersedes(target.status())).orElse(target.status());
            Instant now = clock.instant();
            transactions.write(status -> {
                boolean first = reported.map(s -> rows.appendStatus(target.id(), s, report.at()))
                        .orElse(false);
                if (!rows.apply(target, next, first ? withDuration(target, reported.get(), report) : report, now)) {
                    // Another callback moved the status since it was read: read it again.
                    throw new ConcurrencyFailureException("An interaction's status changed meanwhile");
                }
                if (first) {
                    events.updated(target, reported.get(), next);
                }
                if (first && target.sessionKey() != null) {
                    // A call known to be on holds its session's end back until it is known to be over.
                    boolean on =
                            reported.get() == InteractionStatus.RINGING || reported.get() == InteractionStatus.ANSWERED;
                    if (on && next != InteractionStatus.ENDED) {
                        sessions.callInProgress(target.sessionKey());
                    } else if (reported.get() == InteractionStatus.ENDED && target.status() != null) {
                        // Only a call reported ringing or answered before held the session.
                        sessions.callEnded(target.sessionKey());
                    }
                }
                if (first
                        && reported.get() == InteractionStatus.ANSWERED
                        && report.durationSeconds().isEmpty()) {
                    // Answered reported after ended (callbacks cross): the duration made at the end
                    // assumed no answer.
                    rows.statusAt(target.id(), InteractionStatus.ENDED)
                            .ifPresent(ended -> rows.setDuration(target.id(), seconds(report.at(), ended), now));
                }
                return null;
            });
            return true;
        });
    }

    private static boolean tellsOfTheCall(InteractionRows.Target target, StatusReport report) {
        if (target.leg() != InteractionRows.Leg.FIRST) {
            return true;
        }
        Optional<InteractionStatus> status = report.status();
        return status.isEmpty()
                || status.get() == InteractionStatus.RINGING
                || (status.get() == InteractionStatus.ENDED && !target.connected());
    }

    /**
     * SWML's callbacks say when a call was answered and when it ended, but not how long it
     * lasted: that is the time between the first report of each, and zero for a call never
     * answered.
     */
    private StatusReport withDuration(InteractionRows.Target target, InteractionStatus reported, StatusReport report) {
        if (report.durationSeconds().isPresent() || reported != InteractionStatus.ENDED) {
            return report;
        }
        int seconds = rows.statusAt(target.id(), InteractionStatus.ANSWERED)
                .map(answered -> seconds(answered, report.at()))
                .orElse(0);
        return new StatusReport(
                report.status(),
                report.at(),
                report.outboundRef(),
                Optional.of(seconds),
                report.endReason(),
                report.recordingUrl());
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.min(
                Integer.MAX_VALUE, Math.max(0, Duration.between(from, to).toSeconds()));
    }
}
