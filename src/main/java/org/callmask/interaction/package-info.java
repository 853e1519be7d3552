/**
 * The interaction log: every call and message that reached a webhook, what routing made of it,
 * and the status callbacks that followed. Participants appear only by id, never by number.
 * Records are written by a group-committing writer, so a webhook waits for its own record to be
 * durable without each one paying for a transaction of its own. Owns the {@code interaction} and
 * {@code interaction_status} tables. Entry point: {@link org.callmask.interaction.InteractionLog}.
 */
@ApplicationModule(allowedDependencies = {"core", "service", "session", "system"})
package org.callmask.interaction;

import org.springframework.modulith.ApplicationModule;
