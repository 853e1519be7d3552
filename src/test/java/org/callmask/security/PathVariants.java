package org.callmask.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The protected routes, and the spellings of their paths that an attacker tries so that a rule
 * written for the plain path misses while the router still reaches the route.
 */
final class PathVariants {

    private PathVariants() {}

    /** A request to a protected route, as an anonymous caller would send it. */
    record Attempt(String method, String path, String contentType, String body) {

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        Map<String, String> headers() {
            return contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        }

        Attempt at(String otherPath) {
            return new Attempt(method, otherPath, contentType, body);
        }
    }

    /**
     * Reads and writes of every protected kind: the pool, a mask (linking the attacker's phone to
     * the client), the masks on a number, a service's numbers, sessions, interactions and events in the
     * v1 API, its callback secret, metrics,
     * info, the API description, and both webhooks
     * asked where the proxy number routes the contractor.
     */
    static List<Attempt> protectedAttempts(String client, String contractor, String proxy, String attacker) {
        return List.of(
                new Attempt("GET", "/api/rest/numberPool", null, ""),
                new Attempt(
                        "POST",
                        "/api/rest/numberMask",
                        "application/json",
                        "{\"client_number\":\"" + client + "\",\"contractor_number\":\"" + attacker + "\"}"),
                new Attempt("GET", "/api/rest/numberMask/" + proxy, null, ""),
                new Attempt("GET", "/api/v1/services/default/numbers", null, ""),
                new Attempt("GET", "/api/v1/services/default/sessions", null, ""),
                new Attempt("GET", "/api/v1/services/default/interactions", null, ""),
                new Attempt("GET", "/api/v1/services/default/events", null, ""),
                new Attempt("POST", "/api/v1/services/default/callback_secret", "application/json", "{}"),
                new Attempt("GET", "/actuator/prometheus", null, ""),
                new Attempt("GET", "/actuator/info", null, ""),
                new Attempt("GET", "/v3/api-docs", null, ""),
                new Attempt(
                        "POST",
                        "/calls/route",
                        "application/json",
                        "{\"call\":{\"from_number\":\"" + contractor + "\",\"to_number\":\"" + proxy + "\"}}"),
                new Attempt(
                        "POST",
                        "/texts/route",
                        "application/x-www-form-urlencoded",
                        "From=" + contractor.replace("+", "%2B") + "&To=" + proxy.replace("+", "%2B") + "&Body=hi"));
    }

    /** Other spellings of {@code path}: encoded letters and separators, parameters, dots, case. */
    static Set<String> of(String path) {
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(1) : path.substring(1, second);
        String rest = second < 0 ? "" : path.substring(second);
        Set<String> variants = new LinkedHashSet<>();
        variants.add("/" + encode(first.charAt(0)) + first.substring(1) + rest);
        variants.add("/" + encode(first.charAt(0)).toLowerCase(Locale.ROOT) + first.substring(1) + rest);
        variants.add(path.substring(0, path.length() - 1) + encode(path.charAt(path.length() - 1)));
        variants.add("/" + first + ";x" + rest);
        variants.add("/" + first + ";x=1" + rest);
        variants.add("/" + first + "%3Bx" + rest);
        variants.add(path + ";x");
        variants.add("/" + first.toUpperCase(Locale.ROOT) + rest);
        variants.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
        variants.add(path + "/");
        variants.add("/" + path);
        variants.add("/x/.." + path);
        variants.add("/./" + path.substring(1));
        variants.add(path + "%00");
        variants.add(path + "%20");
        if (!rest.isEmpty()) {
            variants.add("/" + first + "/" + rest);
            variants.add("/" + first + "%2F" + rest.substring(1));
            variants.add("/" + first + "%2f" + rest.substring(1));
            variants.add("/" + first + "%5C" + rest.substring(1));
            variants.add("/" + first + "\\" + rest.substring(1));
            variants.add("/" + first + "/." + rest);
            variants.add("/" + first + "/%2e" + rest);
            variants.add("/" + first + "/x/.." + rest);
            variants.add("/" + first + "%252F" + rest.substring(1));
        }
        variants.remove(path);
        return variants;
    }

    /** Every variant of every attempt's path. */
    static List<Attempt> variantsOf(Attempt attempt) {
        List<Attempt> attempts = new ArrayList<>();
        for (String variant : of(attempt.path())) {
            attempts.add(attempt.at(variant));
        }
        return attempts;
    }

    private static String encode(char c) {
        return "%" + HexFormat.of().withUpperCase().toHexDigits((byte) c);
    }
}
