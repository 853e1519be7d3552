package org.callmask.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.callmask.core.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the admin API ({@code /api/…}) and every actuator endpoint but health. With API keys set,
 * a request needs one, as {@code Authorization: Bearer <key>} or as the password of HTTP Basic
 * auth. Without keys, only requests from this machine that came through no proxy are let in: the
 * local tour works, while a tunnel or reverse proxy in front reaches nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AdminAccessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAccessFilter.class);

    private static final List<String> PROXY_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    private final List<byte[]> keys;

    AdminAccessFilter(AdminApiProperties properties) {
        this.keys = properties.keys().stream()
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhoMayEnter() {
        if (keys.isEmpty()) {
            log.warn("No API key is set: the admin API answers only local requests that came through no proxy. "
                    + "Set CALLMASK_API_KEYS to reach it from elsewhere.");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/actuator/health")) {
            return true;
        }
        return !(path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs")
                || path.startsWith("/docs")
                || path.startsWith("/swagger-ui"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keys.isEmpty() ? isLocalAndDirect(request) : carriesAKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.info(
                "Admin request refused: {} {} from {}",
                request.getMethod(),
                PhoneNumber.redactAll(request.getRequestURI()),
                request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.addHeader("WWW-Authenticate", "Bearer realm=\"callmask\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"callmask\", charset=\"UTF-8\"");
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(
                        keys.isEmpty()
                                ? "The admin API answers only local requests while no API key is set. Set CALLMASK_API_KEYS and "
                                        + "send a key as 'Authorization: Bearer <key>'."
                                : "A valid API key is required: send 'Authorization: Bearer <key>' or HTTP Basic auth with the key as password.");
    }

    private static boolean isLocalAndDirect(HttpServletRequest request) {
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean carriesAKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return false;
        }
        byte[] offered;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                offered = (colon < 0 ? "" : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        } else {
            return false;
        }
        boolean matched = false;
        for (byte[] key : keys) {
            // Every key is compared, in constant time, so timing tells nothing about which or how close.
            matched |= MessageDigest.isEqual(key, offered);
        }
        return matched;
    }
}
