package org.callmask.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Who counts as the operator at this machine while no API key is set: an HTTP/1.1 connection from
 * loopback, naming a loopback host, that came through no proxy. Each part closes a way in: a tunnel
 * or reverse proxy connects from loopback but adds its headers, or, as nginx does by default,
 * speaks HTTP/1.0 upstream; a web page that rebinds its own domain name to 127.0.0.1 connects from
 * loopback without proxy headers but sends its own name as {@code Host}. A plain TCP forwarder
 * (socat, {@code ssh -R}) is indistinguishable from a local client: the README says to set a key
 * before running one.
 */
final class LocalOperator {

    /** Headers that proxies, tunnels and CDNs add; any one of them means the caller is elsewhere. */
    private static final Set<String> PROXY_HEADERS = Set.of(
            "forwarded",
            "x-real-ip",
            "via",
            "true-client-ip",
            "x-client-ip",
            "client-ip",
            "x-cluster-client-ip",
            "fly-client-ip",
            "fastly-client-ip",
            "x-azure-clientip",
            "x-azure-socketip",
            "cdn-loop",
            "x-appengine-user-ip");

    /** Families of headers that proxies, CDNs and meshes add under names of their own. */
    private static final Set<String> PROXY_HEADER_PREFIXES =
            Set.of("x-forwarded", "x-original-", "x-envoy-", "cf-", "tailscale-", "x-amzn-");

    private LocalOperator() {}

    static boolean isLocalOperator(HttpServletRequest request) {
        return !"HTTP/1.0".equals(request.getProtocol())
                && isLoopbackAddress(request.getRemoteAddr())
                && isLoopbackHost(request.getHeader("Host"))
                && !cameThroughAProxy(request);
    }

    static boolean cameThroughAProxy(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (PROXY_HEADERS.contains(lower) || PROXY_HEADER_PREFIXES.stream().anyMatch(lower::startsWith)) {
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
        if (rest.isEmpty()) {
            return true;
        }
        return rest.charAt(0) == ':' && isNumberUpTo(rest.substring(1), 65535);
    }

    private static boolean isLoopbackIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.length() > 3 || !isNumberUpTo(part, 255)) {
                return false;
            }
        }
        return true;
    }

    /** Decimal digits only (no sign, no spaces), of a value up to {@code max}. */
    private static boolean isNumberUpTo(String text, int max) {
        if (text.isEmpty() || text.length() > 5) {
            return false;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max;
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
