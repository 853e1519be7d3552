/**
 * Who may reach what: every route the application serves is classified once, in {@link
 * org.callmask.security.Routes}, and {@link org.callmask.security.SecurityConfig} turns that into
 * Spring Security filter chains, denying whatever is not classified. Owns the request firewall (odd
 * paths are refused before routing), admin authentication (API keys, or local direct callers while
 * none is set) and the placement of webhook signature checks and body limits.
 */
@ApplicationModule(allowedDependencies = {"core", "system", "telephony"})
package org.callmask.security;

import org.springframework.modulith.ApplicationModule;
