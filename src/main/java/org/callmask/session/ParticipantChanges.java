package org.callmask.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ProxyService;
import org.callmask.session.ParticipantAllocation.Need;
import org.callmask.session.ParticipantAllocation.Plan;
import org.callmask.system.LostRaces;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds participants to open sessions and removes them. Both lock the session's row first, so
 * changes to one session take turns with each other and with closing it.
 */
@Component
class ParticipantChanges {

    private static final Logger log = LoggerFactory.getLogger(ParticipantChanges.class);

    private final SessionRows sessions;
    private final ParticipantRows participants;
    private final Participations participations;
    private final ParticipantAllocation allocation;
    private final SessionReading reading;
    private final NumberPool pool;
    private final Transactions transactions;
    private final LostRaces races;
    private final SessionEvents news;
    private final Clock clock;

    ParticipantChanges(
            SessionRows sessions,
            ParticipantRows participants,
            Participations participations,
            ParticipantAllocation allocation,
            SessionReading reading,
            NumberPool pool,
            Transactions transactions,
            LostRaces races,
            SessionEvents news,
            Clock clock) {
        this.news = news;
        this.sessions = sessions;
        this.participants = participants;
        this.participations = participations;
        this.allocation = allocation;
        this.reading = reading;
        this.pool = pool;
        this.transactions = transactions;
        this.races = races;
        this.clock = clock;
    }

    ProxySession addParticipant(ProxyService service, SessionId id, NewParticipant participant) {
        participations.refusePoolNumbers(List.of(participant.number()));
        races.retry(() -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            if (row.isOverAt(now)) {
                throw new SessionConflict(SessionConflict.Reason.CLOSED);
            }
            List<Participant> active = participations.active(row.key());
            checkRoomFor(active, participant.number());
            Optional<PhoneNumber> other =
                    active.stream().map(Participant::number).findFirst();
            Set<PhoneNumber> taken =
                    participations.taken(List.of(participant.number()), now).get(participant.number());
            Plan plan =
                    allocation.plan(service, row.mode(), new Need(participant, other, taken, Optional.empty()), now);
            Participant added = transactions.write(status -> {
                // Locks the session row first, so concurrent additions and closings of one session
                // take turns, and what is read below is what the others committed.
                sessions.touch(row.key(), now);
                boolean closedMeanwhile = sessions.find(service.id(), id)
                        .map(r -> r.isOverAt(now))
                        .orElse(true);
                if (closedMeanwhile) {
                    throw new SessionConflict(SessionConflict.Reason.CLOSED);
                }
                checkRoomFor(participations.active(row.key()), participant.number());
                List<Participant> inserted = participations.insert(row.key(), List.of(participant), List.of(plan), now);
                allocation.take(List.of(plan));
                news.participantAdded(row, inserted.get(0));
                return inserted.get(0);
            });
            allocation.taken(service, List.of(plan));
            return added;
        });
        return reading.find(service, id);
    }

    ProxySession removeParticipant(ProxyService service, SessionId id, ParticipantId participantId) {
        races.retry(() -> transactions.write(status -> {
            Instant now = clock.instant();
            SessionRows.Row row = sessions.find(service.id(), id).orElseThrow(SessionNotFound::new);
            ParticipantRows.Row participant = participants.ofSession(row.key()).stream()
                    .filter(p -> p.participant().id().equals(participantId))
                    .findFirst()
                    .orElseThrow(ParticipantNotFound::new);
            if (participant.participant().isRemoved()) {
                return null;
            }
            sessions.touch(row.key(), now);
            if (participants.release(participantId, now)) {
                pool.giveBackRoutes(Map.of(participant.participant().proxyNumber(), 1));
            }
            participants.markRemoved(participantId, now);
            news.participantRemoved(row, participantId);
            return null;
        }));
        log.info("Session {}: participant {} removed", id, participantId);
        return reading.find(service, id);
    }

    private static void checkRoomFor(List<Participant> active, PhoneNumber number) {
        if (active.stream().anyMatch(p -> p.number().equals(number))) {
            throw new SessionConflict(SessionConflict.Reason.DUPLICATE_PARTICIPANT);
        }
        if (active.size() >= NewSession.MAX_PARTICIPANTS) {
            throw new SessionConflict(SessionConflict.Reason.PARTICIPANT_LIMIT);
        }
    }
}
