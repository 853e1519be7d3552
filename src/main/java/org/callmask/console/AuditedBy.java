package org.callmask.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.callmask.core.Operator;

/** Who did something in the console, for an audit line: the operator, their credential, and where from. */
record AuditedBy(String name, String credential, String address) {

    static AuditedBy of(Principal principal, HttpServletRequest request) {
        Object who = principal instanceof org.springframework.security.core.Authentication authentication
                ? authentication.getPrincipal()
                : principal;
        if (who instanceof Operator operator) {
            return new AuditedBy(operator.name(), operator.credential(), request.getRemoteAddr());
        }
        return new AuditedBy(principal == null ? "unknown" : principal.getName(), "unknown", request.getRemoteAddr());
    }
}
