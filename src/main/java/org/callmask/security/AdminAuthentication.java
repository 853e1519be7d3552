package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Admin authentication: an API key, sent as {@code Authorization: Bearer <key>} or as the password
 * of HTTP Basic auth (any user name); while no key is set, the {@link LocalOperator} instead. The
 * converter reads what the request offers, the provider decides, and an authenticated admin holds
 * {@code ROLE_ADMIN}.
 */
final class AdminAuthentication implements AuthenticationConverter, AuthenticationProvider {

    static final String ROLE = "ADMIN";

    private final List<byte[]> keys;
    private final boolean localOperatorRecognisable;

    /**
     * @param localOperatorRecognisable false when forwarded headers are honoured: the peer's address
     *     and the proxy headers are then rewritten before this sees them, and no caller counts as the
     *     local operator
     */
    AdminAuthentication(AdminApiProperties properties, boolean localOperatorRecognisable) {
        this.keys = properties.keys().stream()
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.localOperatorRecognisable = localOperatorRecognisable;
    }

    /** Whether, with no key set, anyone at all may use the admin API. */
    boolean localOperatorRecognisable() {
        return localOperatorRecognisable;
    }

    boolean hasKeys() {
        return !keys.isEmpty();
    }

    /**
     * What the request offers: a key from its {@code Authorization} header; while no key is set, a
     * local operator; otherwise nothing, and it stays anonymous.
     */
    @Override
    public Authentication convert(HttpServletRequest request) {
        if (keys.isEmpty()) {
            return localOperatorRecognisable && LocalOperator.isLocalOperator(request) ? Admin.localOperator() : null;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new OfferedKey(authorization.substring(7).strip());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("Malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            return new OfferedKey(colon < 0 ? "" : decoded.substring(colon + 1));
        }
        throw new BadCredentialsException("Unsupported authorization scheme");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof Admin admin) {
            return admin;
        }
        byte[] offered = ((OfferedKey) authentication).key.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] key : keys) {
            // Every key is compared, in constant time, so timing tells nothing about which or how close.
            matched |= MessageDigest.isEqual(key, offered);
        }
        if (!matched) {
            throw new BadCredentialsException("Unknown API key");
        }
        return Admin.withKey();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OfferedKey.class.isAssignableFrom(authentication) || Admin.class.isAssignableFrom(authentication);
    }

    /** A key a request offers, not yet checked. Never printed. */
    static final class OfferedKey extends AbstractAuthenticationToken {

        private final String key;

        OfferedKey(String key) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return "[hidden]";
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }
    }

    /** An authenticated admin. */
    static final class Admin extends AbstractAuthenticationToken {

        private final String name;

        private Admin(String name) {
            super(AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
            this.name = name;
            setAuthenticated(true);
        }

        static Admin withKey() {
            return new Admin("api-key");
        }

        static Admin localOperator() {
            return new Admin("local-operator");
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return name;
        }
    }
}
