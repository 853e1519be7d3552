package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.callmask.core.Operator;
import org.callmask.core.Sha256;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The console's login form: the operator's name (who the audit log says revealed a number) and an
 * admin API key, whose fingerprint the audit log names too. While no key is set, a local operator
 * (the admin API's rule: this machine, to localhost, through no proxy) logs in with the name alone,
 * and nobody else at all; every later request must come that way as well.
 */
final class ConsoleLogin implements AuthenticationProvider {

    static final String ROLE = "CONSOLE";

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
        if (!Operator.acceptable(name)) {
            throw new BadCredentialsException(
                    "A name of 1 to " + Operator.MAX_NAME + " printable characters is needed");
        }
        String credential;
        if (admins.hasKeys()) {
            // The same constant-time comparison of every key as the admin API's.
            admins.authenticate(new AdminAuthentication.OfferedKey(key));
            credential = "key " + fingerprint(key);
        } else {
            boolean local = authentication.getDetails() instanceof Origin origin && origin.local();
            if (!admins.localOperatorRecognisable() || !local) {
                throw new BadCredentialsException("Without API keys the console is open to the local operator only");
            }
            credential = "local operator";
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                new Operator(name, credential), null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    /** Enough of the key's SHA-256 to tell keys apart in an audit line, and nothing to guess it by. */
    private static String fingerprint(String key) {
        return HexFormat.of().formatHex(Sha256.of(key.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
