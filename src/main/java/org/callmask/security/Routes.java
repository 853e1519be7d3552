package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.callmask.telephony.WebhookRoutes;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every route the application serves, and who may reach it. Patterns are matched as Spring MVC
 * routes them (the decoded path, without {@code ;} parameters, case-sensitive, no trailing-slash
 * match), after the firewall has refused every path whose raw and routed forms could differ. The
 * first matching route decides; a request that matches none is refused.
 */
public final class Routes {

    /** Who may reach a route. */
    public enum Access {
        /** Anyone: the health probes, which show details only to an admin. */
        OPEN,
        /** SignalWire: signed with the Signing Key when one is set. */
        WEBHOOK,
        /** An admin: an API key, or, while none is set, a direct caller on this machine. */
        ADMIN,
        /** Only as the container's error page, never when asked for directly. */
        ERROR_PAGE,
        /** The console's login page and its static assets: anyone. */
        CONSOLE_OPEN,
        /** The console: an operator logged in with an admin key (or, while none is set, a local one). */
        CONSOLE
    }

    /** A path pattern and its access. */
    public record Route(String pattern, Access access) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(pattern);
        }
    }

    static final List<Route> ALL = List.of(
            new Route(WebhookRoutes.CALLS, Access.WEBHOOK),
            new Route(WebhookRoutes.TEXTS, Access.WEBHOOK),
            new Route(WebhookRoutes.CALL_STATUS, Access.WEBHOOK),
            new Route(WebhookRoutes.TEXT_STATUS, Access.WEBHOOK),
            new Route(WebhookRoutes.CALL_CONNECT, Access.WEBHOOK),
            new Route("/actuator/health", Access.OPEN),
            new Route("/actuator/health/**", Access.OPEN),
            new Route("/api/**", Access.ADMIN),
            new Route("/actuator", Access.ADMIN),
            new Route("/actuator/**", Access.ADMIN),
            new Route("/v3/api-docs", Access.ADMIN),
            new Route("/v3/api-docs/**", Access.ADMIN),
            new Route("/v3/api-docs.yaml", Access.ADMIN),
            new Route("/docs", Access.ADMIN),
            new Route("/swagger-ui/**", Access.ADMIN),
            new Route("/console/login", Access.CONSOLE_OPEN),
            new Route("/console/assets/**", Access.CONSOLE_OPEN),
            new Route("/console/webjars/**", Access.CONSOLE_OPEN),
            new Route("/console", Access.CONSOLE),
            new Route("/console/**", Access.CONSOLE),
            new Route("/error", Access.ERROR_PAGE));

    private Routes() {}

    /** Every route, in the order they are tried. */
    public static List<Route> all() {
        return ALL;
    }

    /** The access of the first route {@code request} matches, or empty when it matches none. */
    public static Optional<Access> classify(HttpServletRequest request) {
        return ALL.stream()
                .filter(route -> route.matcher().matches(request))
                .map(Route::access)
                .findFirst();
    }

    /** Matches the requests of every route with one of the given accesses. */
    static RequestMatcher withAccess(Access... accesses) {
        List<Access> wanted = List.of(accesses);
        return new OrRequestMatcher(ALL.stream()
                .filter(route -> wanted.contains(route.access()))
                .map(Route::matcher)
                .toList());
    }
}
