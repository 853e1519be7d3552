/**
 * Event callbacks to the platform: the transactional outbox ({@code outbox_event}), written in the
 * transaction of the change each event tells of, and the relay that delivers it, signed, at least
 * once, in order per session, with retries and backoff, never two instances at once. Owns the
 * {@code outbox_event} table. Entry point: {@link org.callmask.events.Events}.
 */
@ApplicationModule(allowedDependencies = {"core", "outbound", "service", "system"})
package org.callmask.events;

import org.springframework.modulith.ApplicationModule;
