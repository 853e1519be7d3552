package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, which refuses {@code ;}, encoded {@code /}, {@code \}, {@code
 * %} and {@code .}, {@code //} and {@code ..}, plus any percent-encoded letter, digit or {@code
 * -_~} in the path: nobody needs to encode those, and a path whose raw and decoded forms differ is
 * how a route is reached past a rule written for its plain form. That last check is one pass over
 * the path, rather than a few hundred entries in the strict firewall's list, each a scan of its own.
 */
final class PathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        if (hasEncodedUnreservedCharacter(request.getRequestURI())) {
            throw new RequestRejectedException("The path percent-encodes a character that needs no encoding");
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    static boolean hasEncodedUnreservedCharacter(String path) {
        if (path == null) {
            return false;
        }
        for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
            int high = Character.digit(path.charAt(i + 1), 16);
            int low = Character.digit(path.charAt(i + 2), 16);
            if (high >= 0 && low >= 0) {
                char decoded = (char) (high * 16 + low);
                if ((decoded >= 'a' && decoded <= 'z')
                        || (decoded >= 'A' && decoded <= 'Z')
                        || (decoded >= '0' && decoded <= '9')
                        || decoded == '-'
                        || decoded == '_'
                        || decoded == '~') {
                    return true;
                }
            }
        }
        return false;
    }
}
