package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Who counts as the operator at this machine while no API key is set: a connection from loopback,
 * naming a loopback host, that came through no proxy. Each part closes a way in: a tunnel or
 * reverse proxy connects from loopback but adds its headers; a web page that rebinds its own
 * domain name to 127.0.0.1 connects from loopback without proxy headers but sends its own name as
 * {@code Host}.
 */
final class LocalOperator {

    /** Headers that proxies, tunnels and CDNs add; any one of them means the caller is elsewhere. */
    private static final Set<String> PROXY_HEADERS = Set.of(
            "forwarded", "x-real-ip", "via", "cf-connecting-ip", "true-client-ip", "x-client-ip", "fly-client-ip");

    private LocalOperator() {}

    static boolean isLocalOperator(HttpServletRequest request) {
        return isLoopbackAddress(request.getRemoteAddr())
                && isLoopbackHost(request.getHeader("Host"))
                && !cameThroughAProxy(request);
    }

    static boolean cameThroughAProxy(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (PROXY_HEADERS.contains(lower) || lower.startsWith("x-forwarded-")) {
                return true;
            }
        }
        return false;
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, with or without a port. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            return close > 0
                    && isPortOrNothing(name.substring(close + 1))
                    && name.substring(1, close).equals("::1");
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            if (!isPortOrNothing(name.substring(colon))) {
                return false;
            }
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || isLoopbackIpv4(name);
    }

    private static boolean isPortOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
    }

    private static boolean isLoopbackIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopbackAddress(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        // The container gives the peer as a numeric literal, so this parses and never looks a name up.
        if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
