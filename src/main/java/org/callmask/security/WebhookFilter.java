package org.callmask.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.callmask.system.CachedBodyRequest;
import org.callmask.telephony.WebhookGuard;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs {@link WebhookGuard} on a webhook request whose body is already buffered, and marks a
 * request that passed a signature check as SignalWire's. Placed only in the webhook filter chain.
 */
final class WebhookFilter extends OncePerRequestFilter {

    static final String ROLE = "SIGNALWIRE";

    private final WebhookGuard guard;

    WebhookFilter(WebhookGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (guard.check(request, CachedBodyRequest.bodyOf(request))) {
            case UNSUPPORTED_BODY -> Refusals.unsupportedWebhookBody(request, response);
            case UNSIGNED -> Refusals.unsignedWebhook(request, response);
            case PASS -> {
                if (guard.checksSignatures()) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new SignedBySignalWire());
                    SecurityContextHolder.setContext(context);
                }
                chain.doFilter(request, response);
            }
        }
    }

    /** A request that carried SignalWire's valid signature. */
    static final class SignedBySignalWire extends AbstractAuthenticationToken {

        SignedBySignalWire() {
            super(AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "signalwire";
        }
    }
}
