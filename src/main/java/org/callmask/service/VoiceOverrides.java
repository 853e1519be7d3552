package org.callmask.service;

/**
 * A session's changes to its service's voice options; each {@code null} field keeps the service's
 * value. {@code whisper} set to the empty string turns the service's whisper off.
 */
public record VoiceOverrides(
        Boolean record, Integer ringTimeout, Integer maxDuration, String whisper, Boolean answerOnBridge) {

    public static final VoiceOverrides NONE = new VoiceOverrides(null, null, null, null, null);

    public VoiceOverrides {
        // Validates the overridden values now, not when a call arrives.
        new Check(record, ringTimeout, maxDuration, whisper, answerOnBridge).applyTo(VoiceOptions.DEFAULTS);
    }

    /** The options a call on the session uses. */
    public VoiceOptions applyTo(VoiceOptions service) {
        return new Check(record, ringTimeout, maxDuration, whisper, answerOnBridge).applyTo(service);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private record Check(
            Boolean record, Integer ringTimeout, Integer maxDuration, String whisper, Boolean answerOnBridge) {

        VoiceOptions applyTo(VoiceOptions base) {
            return new VoiceOptions(
                    record != null ? record : base.record(),
                    ringTimeout != null ? ringTimeout : base.ringTimeout(),
                    maxDuration != null ? maxDuration : base.maxDuration(),
                    whisper == null ? base.whisper() : whisper.isEmpty() ? null : whisper,
                    answerOnBridge != null ? answerOnBridge : base.answerOnBridge());
        }
    }
}
