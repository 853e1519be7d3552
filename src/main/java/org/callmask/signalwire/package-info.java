/**
 * CallMask talking to SignalWire's REST API: messages and calls the platform starts within a
 * session, setting up the handlers of a service's numbers, and pools that refill themselves
 * ({@code PoolRefill}, which owns the {@code number_purchase} table). {@link
 * org.callmask.signalwire.SignalWireClient} is the only code that sends a request there: Basic
 * authentication with the project's API token, short timeouts, retries with backoff on 429 and 5xx
 * (honouring {@code Retry-After}) and a circuit that stops calling a SignalWire that is down.
 * Without the space URL, project id and API token, every feature here is refused with {@link
 * org.callmask.signalwire.SignalWireNotConfigured}.
 */
@ApplicationModule(allowedDependencies = {"core", "interaction", "pool", "service", "session", "system", "telephony"})
package org.callmask.signalwire;

import org.springframework.modulith.ApplicationModule;
