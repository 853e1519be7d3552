package org.callmask.service;

/**
 * The stored form of a session's voice overrides, for the session feature that keeps them with
 * the session: one format for every JSON settings column, decided in {@link SettingsJson}.
 */
public final class VoiceOverridesJson {

    private VoiceOverridesJson() {}

    /** {@code null} when nothing is overridden. */
    public static String write(VoiceOverrides voice) {
        return SettingsJson.write(voice);
    }

    public static VoiceOverrides read(String text) {
        return SettingsJson.readOverrides(text);
    }
}
