package org.callmask.interaction;

import java.time.Instant;

/** One status an interaction reached, and when the callback that told it was received. */
public record StatusChange(String status, Instant at) {}
