/**
 * CallMask: caller ID masking through pooled proxy numbers. Features live in sub-packages:
 * {@code core} (phone numbers), {@code pool} (proxy numbers), {@code session} (masks and routes),
 * {@code telephony} (SignalWire webhooks), {@code api} (admin REST API), {@code security} (who
 * reaches which route) and {@code system} (cross-cutting set-up).
 */
package org.callmask;
