package org.callmask.telephony;

import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.Route;
import org.callmask.telephony.RoutingDecision.Reason;

/**
 * A routing decision and whose it was, for the interaction log.
 *
 * @param service the service that owns the proxy number; {@code null} when none does (or routing
 *     failed): nothing is put on record then
 * @param route the caller's session on the proxy number; {@code null} outside any session
 * @param proxy the proxy number dialled or texted
 * @param blocked why the intercept hook kept the contact out of its session ({@link
 *     Reason#BLOCKED} or {@link Reason#INTERCEPT_FAILED}); {@code null} when it did not. Kept
 *     apart from the decision, which may be a forward to the service's support line all the same
 */
record Routing(RoutingDecision decision, ServiceId service, Route route, PhoneNumber proxy, Reason blocked) {

    Routing(RoutingDecision decision, ServiceId service, Route route, PhoneNumber proxy) {
        this(decision, service, route, proxy, null);
    }

    static Routing unattributed(RoutingDecision decision) {
        return new Routing(decision, null, null, null);
    }
}
