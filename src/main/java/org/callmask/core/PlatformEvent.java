package org.callmask.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the platform is told about, published by the feature where it happened inside the
 * transaction that made it happen; the event outbox writes it in that same transaction.
 *
 * <p>Its data names participants by id, never by number: events travel to another system and
 * into its logs.
 *
 * @param type such as {@code session.closed}
 * @param serviceId the service it belongs to
 * @param sessionId the public id of the session it concerns, or {@code null}; the events of one
 *     session are delivered in the order they were published
 * @param callbackUrl the session's own callback URL, or {@code null} for the service's
 * @param data the event's {@code data} object: strings, numbers, booleans, nulls, lists and maps
 */
public record PlatformEvent(
        String type, String serviceId, String sessionId, String callbackUrl, Map<String, Object> data) {

    public PlatformEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
