package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The console's login form: the operator's name (who the audit log says revealed a number) and an
 * admin API key. While no key is set, a local operator (the admin API's rule: this machine, to
 * localhost, through no proxy) logs in with the name alone, and nobody else at all.
 */
final class ConsoleLogin implements AuthenticationProvider {

    static final String ROLE = "CONSOLE";
    static final int MAX_NAME = 60;

    private final AdminAuthentication admins;

    ConsoleLogin(AdminAuthentication admins) {
        this.admins = admins;
    }

    /** Whether the login request came from the local operator; read when the form is posted. */
    record Origin(boolean local) {}

    static AuthenticationDetailsSource<HttpServletRequest, Origin> origin() {
        return request -> new Origin(LocalOperator.isLocalOperator(request));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = String.valueOf(authentication.getPrincipal()).strip();
        String key = String.valueOf(authentication.getCredentials());
        if (name.isEmpty() || name.length() > MAX_NAME || !name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new BadCredentialsException("A name of 1 to " + MAX_NAME + " characters is needed");
        }
        if (admins.hasKeys()) {
            // The same constant-time comparison of every key as the admin API's.
            admins.authenticate(new AdminAuthentication.OfferedKey(key));
        } else {
            boolean local = authentication.getDetails() instanceof Origin origin && origin.local();
            if (!admins.localOperatorRecognisable() || !local) {
                throw new BadCredentialsException("Without API keys the console is open to the local operator only");
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
