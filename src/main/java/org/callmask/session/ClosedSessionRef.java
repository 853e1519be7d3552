package org.callmask.session;

import java.time.Instant;

/**
 * A session that stopped routing, as an out-of-session callback names it to the platform.
 *
 * @param reason why it stopped; {@link CloseReason#EXPIRED} for one whose end passed before the
 *     sweeper closed it
 * @param closedAt when it stopped routing
 */
public record ClosedSessionRef(SessionId id, CloseReason reason, Instant closedAt) {}
