package org.callmask.session;

import org.callmask.core.PhoneNumber;

/**
 * The answer to "who does this caller reach through this proxy number?".
 *
 * @param sessionId the session the route belongs to
 * @param callee the other participant's real number
 * @param calleeProxy the proxy number the callee knows this session by, shown as the caller ID
 */
public record Route(SessionId sessionId, PhoneNumber callee, PhoneNumber calleeProxy) {}
