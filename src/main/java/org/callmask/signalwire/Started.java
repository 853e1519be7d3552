package org.callmask.signalwire;

import org.callmask.interaction.Interaction;

/**
 * A message or call the platform asked for, as it now is on record.
 *
 * @param replayed whether an earlier request with the same idempotency key made it, and nothing
 *     was sent this time
 */
public record Started(Interaction interaction, boolean replayed) {}
