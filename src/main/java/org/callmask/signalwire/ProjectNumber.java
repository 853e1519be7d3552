package org.callmask.signalwire;

import org.callmask.core.PhoneNumber;

/**
 * A number of the SignalWire project, with where its calls and messages go.
 *
 * @param id SignalWire's id for it, which its REST paths take
 * @param callHandler such as {@code relay_script} (a SWML URL) or {@code laml_webhooks}; {@code
 *     null} when none is set
 * @param callUrl the SWML URL when the call handler is {@code relay_script}
 * @param messageHandler such as {@code laml_webhooks}
 * @param messageUrl the URL messages are posted to when the handler is {@code laml_webhooks}
 */
public record ProjectNumber(
        String id, PhoneNumber number, String callHandler, String callUrl, String messageHandler, String messageUrl) {}
