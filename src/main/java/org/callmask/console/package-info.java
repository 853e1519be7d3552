/**
 * The web console at {@code /console} for the people who run CallMask: an overview with charts,
 * numbers, sessions with their interactions, and event deliveries. Server-rendered (Thymeleaf) and
 * enhanced with htmx; its pages call the same services as the API and never their own SQL.
 * Participant numbers are shown redacted, and revealed one at a time to a logged-in operator, each
 * reveal logged ({@link org.callmask.console.Reveals}). Who may log in is decided by the security
 * configuration.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "events",
            "interaction",
            "pool",
            "service",
            "session",
            "signalwire",
            "system",
            "telephony"
        })
package org.callmask.console;

import org.springframework.modulith.ApplicationModule;
