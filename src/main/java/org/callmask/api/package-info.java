/**
 * The admin REST API the platform's backend drives: the seed-compatible routes under
 * {@code /api/rest}, with the seed's paths, field names and plain-text messages, and the v1 API
 * under {@code /api/v1} (in {@code api.v1}). Controllers are thin: they read the request, make one
 * call into {@code service}, {@code pool} or {@code session}, and map.
 */
@ApplicationModule(
        allowedDependencies = {"core", "events", "interaction", "pool", "service", "session", "signalwire", "system"})
package org.callmask.api;

import org.springframework.modulith.ApplicationModule;
