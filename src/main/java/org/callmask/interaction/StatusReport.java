package org.callmask.interaction;

import java.time.Instant;
import java.util.Optional;

/**
 * What one status callback told about an interaction. Every part is optional: a recording
 * callback carries only the recording, a ringing one no duration.
 *
 * @param outboundRef the id SignalWire gave the leg or message it created to reach the other
 *     participant
 * @param endReason why a call ended, as SignalWire says it ({@code hangup}, {@code busy},
 *     {@code no-answer}, …)
 */
public record StatusReport(
        Optional<InteractionStatus> status,
        Instant at,
        Optional<String> outboundRef,
        Optional<Integer> durationSeconds,
        Optional<String> endReason,
        Optional<String> recordingUrl) {}
