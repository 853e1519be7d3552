package org.callmask.signalwire;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CallMask reaches SignalWire's REST API.
 *
 * @param spaceUrl the base of every REST call, such as {@code https://example.signalwire.com}; plain
 *     {@code http} only to a loopback host (a local test server)
 * @param projectId the project's id, the user name of Basic authentication
 * @param apiToken the project's API token; never logged, never shown
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long one request may take, connection included
 * @param maxAttempts tries per request, the first included, when SignalWire answers 429 or 5xx
 * @param retryInitial the wait before the first retry, doubled for each further one
 * @param retryMaxWait the longest wait before a retry; a {@code Retry-After} longer than this ends
 *     the tries
 * @param circuitFailures failures in a row (5xx, timeouts, unreachable) that open the circuit
 * @param circuitOpenFor how long an open circuit refuses requests before one is let through to try
 */
@ConfigurationProperties("callmask.signalwire")
public record SignalWireProperties(
        URI spaceUrl,
        String projectId,
        String apiToken,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("250ms") Duration retryInitial,
        @DefaultValue("10s") Duration retryMaxWait,
        @DefaultValue("5") int circuitFailures,
        @DefaultValue("30s") Duration circuitOpenFor) {

    public SignalWireProperties {
        projectId = blankToNull(projectId);
        apiToken = blankToNull(apiToken);
        if (spaceUrl != null) {
            String scheme = spaceUrl.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || spaceUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        "callmask.signalwire.space-url must be an http(s) URL such as https://example.signalwire.com");
            }
            if ("http".equalsIgnoreCase(scheme) && !loopback(spaceUrl.getHost())) {
                // The API token goes in every request's Basic credentials: never in clear over a network.
                throw new IllegalArgumentException(
                        "callmask.signalwire.space-url must use https (http is accepted only for a local test server)");
            }
            if (spaceUrl.getRawQuery() != null
                    || spaceUrl.getRawFragment() != null
                    || spaceUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "callmask.signalwire.space-url must not have user information, a query or a fragment");
            }
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("callmask.signalwire.max-attempts must be 1 to 10");
        }
        if (circuitFailures < 1) {
            throw new IllegalArgumentException("callmask.signalwire.circuit-failures must be at least 1");
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("timeout", timeout);
        requirePositive("retry-initial", retryInitial);
        requirePositive("retry-max-wait", retryMaxWait);
        requirePositive("circuit-open-for", circuitOpenFor);
    }

    /** The environment variables still to set before CallMask can call SignalWire; empty when none. */
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (spaceUrl == null) {
            missing.add("CALLMASK_SIGNALWIRE_SPACE_URL");
        }
        if (projectId == null) {
            missing.add("CALLMASK_SIGNALWIRE_PROJECT_ID");
        }
        if (apiToken == null) {
            missing.add("CALLMASK_SIGNALWIRE_API_TOKEN");
        }
        return missing;
    }

    @Override
    public String toString() {
        return "SignalWireProperties[spaceUrl=" + spaceUrl + ", projectId=" + projectId + ", apiToken="
                + (apiToken == null ? "unset" : "set") + "]";
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("callmask.signalwire." + name + " must be a positive duration");
        }
    }
}
