package org.callmask.service;

import java.time.Duration;

/**
 * The defaults a service's sessions follow.
 *
 * @param defaultTtl sliding lifetime of a session that sets none; zero for no limit
 * @param coolOff how long a released (proxy number, participant) pair is kept from that
 *     participant's sessions with anyone else
 * @param hooks where events go and who is asked before a contact is routed
 * @param autoBuy whether CallMask buys numbers for the pool by itself
 */
public record ServiceSettings(
        Duration defaultTtl,
        GeoMatch geoMatch,
        NumberSelection numberSelection,
        Duration coolOff,
        OutOfSession outOfSession,
        VoiceOptions voice,
        Hooks hooks,
        AutoBuy autoBuy) {

    public static final Duration MAX_TTL = Duration.ofDays(3650);
    public static final Duration MAX_COOL_OFF = Duration.ofDays(365);

    public static final ServiceSettings DEFAULTS = new ServiceSettings(
            Duration.ofDays(1),
            GeoMatch.COUNTRY,
            NumberSelection.PREFER_STICKY,
            Duration.ZERO,
            OutOfSession.DEFAULTS,
            VoiceOptions.DEFAULTS,
            Hooks.NONE,
            AutoBuy.OFF);

    public ServiceSettings {
        autoBuy = autoBuy == null ? AutoBuy.OFF : autoBuy;
        if (defaultTtl.isNegative() || defaultTtl.compareTo(MAX_TTL) > 0 || defaultTtl.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "default_ttl must be whole seconds between 0 and " + MAX_TTL.toSeconds());
        }
        if (coolOff.isNegative() || coolOff.compareTo(MAX_COOL_OFF) > 0 || coolOff.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "cool_off must be whole seconds between 0 and " + MAX_COOL_OFF.toSeconds());
        }
    }
}
