package org.callmask.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.session.SessionRepository.ActiveRoute;
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
    private final SessionClosing closing;
    private final SessionSweeping sweeping;
    private final SessionRepository repository;
    private final NumberPool pool;
    private final Clock clock;

    Sessions(
            MaskAllocation allocation,
            SessionClosing closing,
            SessionSweeping sweeping,
            SessionRepository repository,
            NumberPool pool,
            Clock clock) {
        this.allocation = allocation;
        this.closing = closing;
        this.sweeping = sweeping;
        this.repository = repository;
        this.pool = pool;
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

    /** Who {@code caller} reaches by calling or texting {@code proxy}, if anyone, right now. */
    public Optional<Route> route(PhoneNumber caller, PhoneNumber proxy) {
        return repository.route(caller, proxy, clock.instant());
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
     * Adds numbers to the pool, all or none.
     *
     * @return how many were new to the pool or brought back
     * @throws PoolNumberAsParticipant when one is a participant's number in an active mask
     */
    public int addToPool(List<PhoneNumber> numbers) {
        Instant now = clock.instant();
        for (ActiveRoute route : repository.activeRoutesOf(numbers)) {
            if (!route.expiredAt(now)) {
                throw new PoolNumberAsParticipant(route.number(), false);
            }
        }
        return pool.add(numbers);
    }

    /** Each pool number with how many active masks use it, in the order they were added. */
    public List<PoolUsage> poolUsage() {
        Map<PhoneNumber, Integer> masks = repository.activeMasksByProxy(clock.instant());
        return pool.numbers().stream()
                .map(number -> new PoolUsage(number, masks.getOrDefault(number, 0)))
                .toList();
    }

    /**
     * Removes a number from the pool. Masks on it keep their history.
     *
     * @param force close the active masks that use it first, instead of refusing
     * @return false when the number was not in the pool
     * @throws NumberInUse when active masks use it and {@code force} is false; nothing changes
     */
    public boolean removeFromPool(PhoneNumber number, boolean force) {
        return closing.removeFromPool(number, force);
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
