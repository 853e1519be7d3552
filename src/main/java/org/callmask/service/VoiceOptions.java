package org.callmask.service;

/**
 * How a call between participants is put through.
 *
 * @param record record the call
 * @param ringTimeout seconds the other participant's phone rings before the call gives up
 * @param maxDuration longest a bridged call may last, in seconds
 * @param whisper spoken to the callee before the two are bridged; {@code null} for none
 * @param answerOnBridge keep the caller hearing ringing until the callee answers
 */
public record VoiceOptions(boolean record, int ringTimeout, int maxDuration, String whisper, boolean answerOnBridge) {

    public static final VoiceOptions DEFAULTS = new VoiceOptions(false, 30, 14_400, null, true);

    public static final int MIN_RING_TIMEOUT = 5;
    public static final int MAX_RING_TIMEOUT = 600;
    public static final int MAX_MAX_DURATION = 14_400;
    public static final int MAX_WHISPER = 500;

    public VoiceOptions {
        if (ringTimeout < MIN_RING_TIMEOUT || ringTimeout > MAX_RING_TIMEOUT) {
            throw new IllegalArgumentException(
                    "ring_timeout must be between " + MIN_RING_TIMEOUT + " and " + MAX_RING_TIMEOUT + " seconds");
        }
        if (maxDuration < 1 || maxDuration > MAX_MAX_DURATION) {
            throw new IllegalArgumentException("max_duration must be between 1 and " + MAX_MAX_DURATION + " seconds");
        }
        if (whisper != null) {
            SpokenText.check("whisper", whisper, MAX_WHISPER);
        }
    }
}
