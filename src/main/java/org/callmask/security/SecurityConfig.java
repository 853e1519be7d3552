package org.callmask.security;

import jakarta.servlet.DispatcherType;
import org.callmask.security.Routes.Access;
import org.callmask.system.DeclaredBodyLimit;
import org.callmask.system.HttpProperties;
import org.callmask.system.RequestBodyLimit;
import org.callmask.telephony.WebhookGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The one place that decides who reaches what, from {@link Routes}: a chain for the webhooks, one
 * for the console, and one for everything else, which denies any route {@link Routes} does not
 * classify.
 *
 * <p>CSRF protection is off in the webhook and API chains: nothing there sets or reads a cookie or a
 * session, so a browser has no ambient credential a forged request could ride on. Admin requests carry their key
 * in a header a foreign page cannot add, and the no-key mode also refuses any {@code Host} but a
 * loopback name, which stops a page that rebinds its domain to 127.0.0.1.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    private final AdminAuthentication admins;

    SecurityConfig(AdminApiProperties properties, Environment environment) {
        this.admins = new AdminAuthentication(properties, !ForwardedHeaders.honoured(environment));
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhoMayEnter() {
        if (!admins.hasKeys() && admins.localOperatorRecognisable()) {
            log.warn("No API key is set: the admin API answers only requests from this machine, to localhost, that "
                    + "came through no proxy. Set CALLMASK_API_KEYS to reach it from elsewhere.");
        } else if (!admins.hasKeys()) {
            log.warn("No API key is set and forwarded headers are honoured (server.forward-headers-strategy, or the "
                    + "platform), so no caller can be told to be local: the admin API is closed. Set "
                    + "CALLMASK_API_KEYS.");
        }
    }

    @Bean
    HttpFirewall firewall() {
        return new PathFirewall();
    }

    /**
     * No observation of each security filter, authentication and authorisation: per request it
     * cost more than the rest of the chain, and the HTTP server metrics already time requests.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return Refusals.firewall();
    }

    /** Boot's own user store backs off for this; admins are authenticated by key only. */
    @Bean
    AuthenticationManager adminAuthenticationManager() {
        return new ProviderManager(admins);
    }

    @Bean
    @Order(1)
    SecurityFilterChain webhooks(HttpSecurity http, WebhookGuard guard, HttpProperties limits) throws Exception {
        stateless(http)
                .securityMatcher(Routes.withAccess(Access.WEBHOOK))
                .addFilterBefore(new RequestBodyLimit(limits.maxWebhookBody().toBytes()), AuthorizationFilter.class)
                .addFilterAfter(new WebhookFilter(guard), RequestBodyLimit.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        (request, response, failure) -> Refusals.unsignedWebhook(request, response)))
                .authorizeHttpRequests(authorize -> {
                    if (guard.checksSignatures()) {
                        authorize.anyRequest().hasRole(WebhookFilter.ROLE);
                    } else {
                        authorize.anyRequest().permitAll();
                    }
                });
        return http.build();
    }

    /**
     * The console: a session per operator after a form login, so CSRF protection is on here, with
     * the session cookie HttpOnly and SameSite=Strict (Secure whenever the request came over HTTPS),
     * an idle timeout ({@code server.servlet.session.timeout}) and a content security policy that
     * lets pages run only the service's own scripts.
     */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, HttpProperties limits) throws Exception {
        http.securityMatcher(Routes.withAccess(Access.CONSOLE, Access.CONSOLE_OPEN))
                .authenticationManager(new ProviderManager(new ConsoleLogin(admins)))
                // Before the CSRF check reads the form: a body too large is refused unread. Forms are
                // parsed by the server (server.tomcat.max-http-form-post-size), never buffered raw.
                .addFilterBefore(new DeclaredBodyLimit(limits.maxApiBody().toBytes()), CsrfFilter.class)
                .formLogin(form -> form.loginPage("/console/login")
                        .loginProcessingUrl("/console/login")
                        .usernameParameter("name")
                        .passwordParameter("key")
                        .authenticationDetailsSource(ConsoleLogin.origin())
                        .defaultSuccessUrl("/console", true)
                        .failureUrl("/console/login?error"))
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .logoutSuccessUrl("/console/login?logout")
                        .deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                        + "base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(Routes.withAccess(Access.CONSOLE_OPEN))
                        .permitAll()
                        .requestMatchers(Routes.withAccess(Access.CONSOLE))
                        .access(consoleOperator())
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /**
     * A logged-in operator; while no API key is set, also on every request the local operator,
     * so a session cookie carried off this machine opens nothing.
     */
    private AuthorizationManager<RequestAuthorizationContext> consoleOperator() {
        AuthorizationManager<RequestAuthorizationContext> loggedIn =
                AuthorityAuthorizationManager.hasRole(ConsoleLogin.ROLE);
        return (authentication, context) -> {
            if (!admins.hasKeys()
                    && !(admins.localOperatorRecognisable() && LocalOperator.isLocalOperator(context.getRequest()))) {
                return new AuthorizationDecision(false);
            }
            return loggedIn.authorize(authentication, context);
        };
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(
            HttpSecurity http, AuthenticationManager adminAuthenticationManager, HttpProperties limits)
            throws Exception {
        AuthenticationEntryPoint refusal = Refusals.adminEntryPoint(admins);
        AuthenticationFilter authentication = new AuthenticationFilter(adminAuthenticationManager, admins);
        // Authenticated: carry on to the route (the default would redirect, as after a login form).
        authentication.setSuccessHandler((AuthenticationSuccessHandler) (request, response, auth) -> {});
        authentication.setFailureHandler(refusal::commence);
        stateless(http)
                .addFilterBefore(authentication, AuthorizationFilter.class)
                // After authorisation, so an unauthenticated caller never makes the service buffer a body.
                .addFilterAfter(new RequestBodyLimit(limits.maxApiBody().toBytes()), AuthorizationFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(refusal).accessDeniedHandler(Refusals.unclassified()))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(Routes.withAccess(Access.OPEN))
                        .permitAll()
                        .requestMatchers(Routes.withAccess(Access.ADMIN))
                        .hasRole(AdminAuthentication.ROLE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** No sessions, cookies, login pages or CSRF tokens: every request stands alone. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
    }
}
