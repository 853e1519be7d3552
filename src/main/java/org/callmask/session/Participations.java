package org.callmask.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.session.ParticipantAllocation.Plan;
import org.callmask.session.SessionRepository.ActiveRoute;
import org.callmask.session.SessionRepository.OpenSession;
import org.callmask.system.Transactions;
import org.springframework.stereotype.Component;

/**
 * What the session changes share about participants: who may take part (no pool numbers), which
 * proxy numbers a number already holds in active sessions, and writing a participant.
 */
@Component
class Participations {

    private final ParticipantRows participants;
    private final SessionRepository routes;
    private final SessionClosing closing;
    private final NumberPool pool;
    private final Transactions transactions;

    Participations(
            ParticipantRows participants,
            SessionRepository routes,
            SessionClosing closing,
            NumberPool pool,
            Transactions transactions) {
        this.participants = participants;
        this.routes = routes;
        this.closing = closing;
        this.pool = pool;
        this.transactions = transactions;
    }

    /**
     * Writes participants, each with its plan's chosen number, inside the caller's transaction.
     *
     * @param plans one per participant, in the same order
     */
    List<Participant> insert(SessionKey key, List<NewParticipant> added, List<Plan> plans, Instant now) {
        List<ParticipantRows.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            rows.add(new ParticipantRows.NewRow(
                    ParticipantId.random(), added.get(i), plans.get(i).chosen()));
        }
        participants.insert(key, rows, now);
        return rows.stream()
                .map(row -> new Participant(
                        row.id(), row.participant().number(), row.participant().name(), row.proxy(), now, now, null))
                .toList();
    }

    /** The session's participants that were not removed. */
    List<Participant> active(SessionKey key) {
        return participants.ofSession(key).stream()
                .map(ParticipantRows.Row::participant)
                .filter(p -> !p.isRemoved())
                .toList();
    }

    /** @throws PoolNumberAsParticipant when one of the numbers is in a pool */
    void refusePoolNumbers(List<PhoneNumber> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        Set<PhoneNumber> inPool = pool.present(numbers);
        for (PhoneNumber number : numbers) {
            if (inPool.contains(number)) {
                throw new PoolNumberAsParticipant(number, true);
            }
        }
    }

    /**
     * The proxy numbers each number has in active sessions. Sessions past their end still hold
     * their routes until closed, and must never block a new one: they are closed first.
     */
    Map<PhoneNumber, Set<PhoneNumber>> taken(List<PhoneNumber> numbers, Instant now) {
        Map<PhoneNumber, Set<PhoneNumber>> taken = new HashMap<>();
        numbers.forEach(n -> taken.put(n, new HashSet<>()));
        if (numbers.isEmpty()) {
            return taken;
        }
        List<ActiveRoute> active = routes.activeRoutesOf(numbers);
        if (active.stream().anyMatch(r -> r.expiredAt(now))) {
            closeExpired(routes.dueSessionsOf(numbers, now), now);
        }
        for (ActiveRoute route : active) {
            if (!route.expiredAt(now)) {
                taken.get(route.number()).add(route.proxy());
            }
        }
        return taken;
    }

    /** Closes sessions past their end, in a transaction of their own. */
    void closeExpired(List<OpenSession> due, Instant now) {
        transactions.write(status -> closing.closeAndRelease(due, CloseReason.EXPIRED, now));
    }
}
