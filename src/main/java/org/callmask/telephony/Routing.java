package org.callmask.telephony;

import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.Route;

/**
 * A routing decision and whose it was, for the interaction log.
 *
 * @param service the service that owns the proxy number; {@code null} when none does (or routing
 *     failed): nothing is put on record then
 * @param route the caller's session on the proxy number; {@code null} outside any session
 * @param proxy the proxy number dialled or texted
 */
record Routing(RoutingDecision decision, ServiceId service, Route route, PhoneNumber proxy) {

    static Routing unattributed(RoutingDecision decision) {
        return new Routing(decision, null, null, null);
    }
}
