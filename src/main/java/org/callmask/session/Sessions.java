package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NewPoolNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.service.VoiceOptions;
import org.callmask.session.SessionRepository.ActiveRoute;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.springframework.stereotype.Service;

/**
 * Opens, finds, routes and closes masks: the entry to the feature, which hands each job to the
 * part that does it ({@link MaskAllocation}, {@link SessionClosing}, {@link SessionSweeping}).
 *
 * <pre>{@code
 * Mask mask = sessions.open(client, contractor, Optional.empty());
 * Optional<Route> route = sessions.route(client, mask.maskNumber());  // reaches the contractor
 * sessions.closeAll(mask.maskNumber());
 * }</pre>
 */
@Service
public class Sessions {

    private final MaskAllocation allocation;
    private final SessionOpening opening;
    private final ParticipantChanges participantChanges;
    private final SessionLifecycle lifecycle;
    private final SessionReading reading;
    private final SessionClosing closing;
    private final SessionSweeping sweeping;
    private final SessionRepository repository;
    private final SessionRows sessionRows;
    private final InteractionMarks marks;
    private final RecentlyClosed recentlyClosed;
    private final NumberPool pool;
    private final Services services;
    private final Transactions transactions;
    private final LostRaces races;
    private final PoolWatch watch;
    private final Clock clock;

    Sessions(
            MaskAllocation allocation,
            SessionOpening opening,
            ParticipantChanges participantChanges,
            SessionLifecycle lifecycle,
            SessionReading reading,
            SessionClosing closing,
            SessionSweeping sweeping,
            SessionRepository repository,
            SessionRows sessionRows,
            InteractionMarks marks,
            RecentlyClosed recentlyClosed,
            NumberPool pool,
            Services services,
            Transactions transactions,
            LostRaces races,
            PoolWatch watch,
            Clock clock) {
        this.watch = watch;
        this.allocation = allocation;
        this.opening = opening;
        this.participantChanges = participantChanges;
        this.lifecycle = lifecycle;
        this.reading = reading;
        this.closing = closing;
        this.sweeping = sweeping;
        this.repository = repository;
        this.sessionRows = sessionRows;
        this.marks = marks;
        this.recentlyClosed = recentlyClosed;
        this.pool = pool;
        this.services = services;
        this.transactions = transactions;
        this.races = races;
        this.clock = clock;
    }

    /**
     * Opens a mask between a client and a contractor, or returns the one they already have.
     *
     * @param lifetime how long it routes; the configured default when empty
     * @throws PoolExhausted when every pool number already pairs one of them with another mask
     * @throws SameNumberOnBothSides when client and contractor are one number
     * @throws PoolNumberAsParticipant when either is a pool number
     * @throws InvalidLifetime when the lifetime is not positive or above the maximum
     */
    public Mask open(PhoneNumber client, PhoneNumber contractor, Optional<Duration> lifetime) {
        return allocation.open(client, contractor, lifetime);
    }

    /** The masks on a number that were not deleted: active and expired, oldest first. */
    public List<Mask> masksOn(PhoneNumber maskNumber) {
        return repository.masksOn(maskNumber, clock.instant());
    }

    /**
     * The session {@code caller} is in on {@code proxy} right now, and whom it reaches there, if
     * anyone.
     */
    public Optional<Route> route(PhoneNumber caller, PhoneNumber proxy) {
        return repository.route(caller, proxy, clock.instant());
    }

    /**
     * The session of {@code service} in which {@code caller} last had {@code proxy}, if it stopped
     * routing no longer than {@code within} ago: the newest such one.
     */
    public Optional<ClosedSessionRef> recentlyClosed(
            ServiceId service, PhoneNumber caller, PhoneNumber proxy, Duration within) {
        return recentlyClosed.latest(service, caller, proxy, clock.instant(), within);
    }

    /**
     * Deletes every active mask on a number and frees the number for their participants at once.
     *
     * @return how many active masks were deleted
     */
    public int closeAll(PhoneNumber maskNumber) {
        return closing.closeAll(maskNumber);
    }

    /**
     * Deletes the active mask of one client and contractor on a number.
     *
     * @return 1 if it was deleted, 0 if there was none
     */
    public int close(PhoneNumber maskNumber, PhoneNumber client, PhoneNumber contractor) {
        return closing.close(maskNumber, PairKey.of(client, contractor));
    }

    /**
     * Adds numbers to the built-in service's pool, all or none.
     *
     * @return how many were new to the pool or brought back
     * @throws PoolNumberAsParticipant when one is a participant's number in an active mask
     */
    public int addToPool(List<PhoneNumber> numbers) {
        return addToPool(
                services.builtIn(), numbers.stream().map(NewPoolNumber::plain).toList());
    }

    /**
     * Adds numbers to a service's pool, all or none.
     *
     * @return how many were new to the pool or brought back
     * @throws PoolNumberAsParticipant when one is a participant's number in an active session
     * @throws org.callmask.pool.NumberInAnotherService when one is in another service's pool
     */
    public int addToPool(ProxyService service, List<NewPoolNumber> numbers) {
        Instant now = clock.instant();
        List<PhoneNumber> plain = numbers.stream().map(NewPoolNumber::number).toList();
        for (ActiveRoute route : repository.activeRoutesOf(plain)) {
            if (!route.expiredAt(now)) {
                throw new PoolNumberAsParticipant(route.number(), false);
            }
        }
        int added = transactions.write(status -> pool.add(service.id(), numbers));
        watch.grew(service.id());
        return added;
    }

    /** Each of the built-in pool's numbers with how many active masks use it, in the order they were added. */
    public List<PoolUsage> poolUsage() {
        Map<PhoneNumber, Integer> masks = repository.activeMasksByProxy(clock.instant());
        return pool.numbers(services.builtIn().id()).stream()
                .map(number -> new PoolUsage(number, masks.getOrDefault(number, 0)))
                .toList();
    }

    /**
     * Removes a number from the built-in service's pool. Masks on it keep their history.
     *
     * @param force close the active masks that use it first, instead of refusing
     * @return false when the number was not in the pool
     * @throws NumberInUse when active masks use it and {@code force} is false; nothing changes
     */
    public boolean removeFromPool(PhoneNumber number, boolean force) {
        return closing.removeFromPool(services.builtIn().id(), number, force);
    }

    /**
     * Removes a number from a service's pool. Sessions on it keep their history.
     *
     * @param force close the active sessions that use it first, instead of refusing
     * @return false when the number was not in the service's pool
     * @throws NumberInUse when active sessions use it and {@code force} is false; nothing changes
     */
    public boolean removeFromPool(ProxyService service, PhoneNumber number, boolean force) {
        return closing.removeFromPool(service.id(), number, force);
    }

    /**
     * Opens a session of a service, allocating each participant its own proxy number; with the
     * unique name of an open session that has the same participants, returns that one instead.
     *
     * @throws NoProxyNumber when a participant can be given no number
     * @throws ProxyNumberRefused when a proxy number asked for is not allowed
     * @throws SessionConflict when the unique name is taken by other participants
     * @throws PoolNumberAsParticipant when a participant is a pool number
     * @throws SameNumberOnBothSides when one number is given twice
     */
    public SessionOpened open(ProxyService service, NewSession request) {
        return opening.open(service, request);
    }

    /** @throws SessionNotFound when the service has no such session */
    public ProxySession find(ProxyService service, SessionId id) {
        return reading.find(service, id);
    }

    /**
     * The key that ties records about a session (its interactions) to its lifetime.
     *
     * @throws SessionNotFound when the service has no such session
     */
    public SessionKey keyOf(ProxyService service, SessionId id) {
        return reading.keyOf(service, id);
    }

    /** A service's sessions that match the filter, in the order they were created. */
    public Page<ProxySession> page(ProxyService service, SessionFilter filter, PageRequest request) {
        return reading.page(service, filter, request);
    }

    /**
     * Adds a participant to an open session, with its own proxy number.
     *
     * @throws SessionConflict when the session is closed, full, or has the number already
     */
    public ProxySession addParticipant(ProxyService service, SessionId id, NewParticipant participant) {
        return participantChanges.addParticipant(service, id, participant);
    }

    /**
     * Removes a participant: its proxy number is freed, the participant stays on record, and the
     * session stays as it is, ready for a replacement.
     */
    public ProxySession removeParticipant(ProxyService service, SessionId id, ParticipantId participant) {
        return participantChanges.removeParticipant(service, id, participant);
    }

    /**
     * Changes a session: closes or re-opens it, or changes its lifetime or mode.
     *
     * @throws NoProxyNumber when re-opening and a participant's number was taken meanwhile, with
     *     no other to give it
     */
    public ProxySession change(ProxyService service, SessionId id, SessionChanges changes) {
        return lifecycle.change(service, id, changes);
    }

    /**
     * Deletes a service that has no open sessions; its numbers leave its pool.
     *
     * @throws SessionConflict when it has open sessions
     */
    public void deleteService(ProxyService service) {
        races.retry(() -> transactions.write(status -> {
            Instant now = clock.instant();
            if (sessionRows.countOpenAt(service.id(), now) > 0) {
                throw new SessionConflict(SessionConflict.Reason.SERVICE_HAS_OPEN_SESSIONS);
            }
            if (services.delete(service)) {
                for (PhoneNumber number : pool.numbers(service.id())) {
                    closing.retire(number, true, now);
                }
            }
            return null;
        }));
    }

    /**
     * Notes that a call or text went through a session: it turns {@code in-progress} and its
     * sliding lifetime starts again. Returns at once; the note is written shortly after.
     */
    public void interacted(SessionKey session) {
        marks.mark(session, clock.instant());
    }

    /**
     * A call on the session is ringing or was answered, as its status callback said: the session
     * does not end while the call may still be going on, at most its ring timeout and longest
     * duration from now, or until {@link #callEnded} says it ended. Runs in the caller's
     * transaction when there is one.
     */
    public void callInProgress(SessionKey session) {
        transactions.write(status -> {
            sessionRows.findByKey(session).ifPresent(row -> {
                services.find(row.serviceId()).ifPresent(service -> {
                    VoiceOptions voice = row.voice().applyTo(service.settings().voice());
                    Instant now = clock.instant();
                    Duration longest = Duration.ofSeconds((long) voice.ringTimeout() + voice.maxDuration());
                    sessionRows.holdForCall(session, now.plus(longest), now);
                });
            });
            return null;
        });
    }

    /**
     * A call on the session ended, as its status callback said: its end is no longer held back,
     * and if its lifetime has run out meanwhile it stops routing now. Runs in the caller's
     * transaction when there is one.
     */
    public void callEnded(SessionKey session) {
        transactions.write(status -> {
            sessionRows.callEnded(session);
            return null;
        });
    }

    /**
     * Closes one batch of sessions whose lifetime ran out and releases their routes. Safe to run
     * on several instances at once: each session is closed, and its routes released, once.
     *
     * @return how many sessions this call closed
     */
    public int sweepExpiredBatch() {
        return sweeping.sweepExpiredBatch();
    }

    /**
     * Closes sessions whose lifetime ran out, in batches, until none is left.
     *
     * @return how many sessions were closed
     */
    public int sweepExpired() {
        return sweeping.sweepExpired();
    }

    /**
     * Deletes closed masks, with their participants, once they have been closed longer than the
     * retention period, in batches.
     *
     * @return how many masks were deleted
     */
    public int purgeHistory() {
        return sweeping.purgeHistory();
    }
}
