package org.callmask.signalwire;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to SignalWire's REST API and reads the answers. Every request carries the
 * project's Basic credentials, to the configured space only (a link SignalWire gives to another
 * host is not followed). A 429 or 5xx is tried again after a backoff or SignalWire's {@code
 * Retry-After}, as {@link RetryPolicy} says; a 4xx is not. A request that timed out, or got a 5xx
 * other than 503, is tried again only when doing it twice is harmless: a send may have been sent.
 */
@Component
class SignalWireClient {

    private static final Logger log = LoggerFactory.getLogger(SignalWireClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignalWireProperties properties;
    private final HttpClient http;
    private final Circuit circuit;
    private final RetryPolicy retry;
    private final MeterRegistry meters;

    SignalWireClient(SignalWireProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.circuit = new Circuit(properties.circuitFailures(), properties.circuitOpenFor(), clock);
        this.retry = new RetryPolicy(properties, clock);
    }

    /** One request: what it does (for logs and metrics), and whether doing it twice is harmless. */
    record Call(String operation, String method, String path, String contentType, byte[] body, boolean idempotent) {

        static Call get(String operation, String path) {
            return new Call(operation, "GET", path, null, null, true);
        }

        static Call json(String operation, String method, String path, JsonNode body, boolean idempotent) {
            return new Call(operation, method, path, "application/json", JSON.writeValueAsBytes(body), idempotent);
        }

        static Call form(String operation, String path, List<Map.Entry<String, String>> fields) {
            String encoded = fields.stream()
                    .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                    .collect(Collectors.joining("&"));
            return new Call(
                    operation,
                    "POST",
                    path,
                    "application/x-www-form-urlencoded",
                    encoded.getBytes(StandardCharsets.UTF_8),
                    false);
        }
    }

    boolean isConfigured() {
        return properties.missingSettings().isEmpty();
    }

    /** @throws SignalWireNotConfigured when the space URL, project id or API token is not set */
    void requireConfigured() {
        List<String> missing = properties.missingSettings();
        if (!missing.isEmpty()) {
            throw new SignalWireNotConfigured(missing);
        }
    }

    String projectId() {
        requireConfigured();
        return properties.projectId();
    }

    boolean circuitOpen() {
        return circuit.isOpen();
    }

    /**
     * @return SignalWire's JSON answer; a null node when it answered with no body
     * @throws SignalWireNotConfigured when the project's settings are not set
     * @throws SignalWireRejected when SignalWire answered with an error
     * @throws SignalWireUnavailable when it could not be reached or did not answer in time
     */
    JsonNode exchange(Call call) {
        requireConfigured();
        URI uri = resolve(call.path());
        int attempts = retry.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Duration refused = circuit.refusal();
            if (!refused.isZero()) {
                record(call, "circuit-open", 0);
                throw new SignalWireUnavailable(
                        "SignalWire failed too often of late; CallMask is not calling it for a while", refused);
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(call, uri), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Nothing reached SignalWire, so trying again is harmless for any request.
                failed(call, "unreachable", started);
                if (attempt >= attempts) {
                    throw new SignalWireUnavailable("SignalWire could not be reached", retry.initial());
                }
                pause(call, attempt, attempts, retry.backoff(attempt), "could not be reached");
                continue;
            } catch (IOException e) {
                boolean timedOut = e instanceof HttpTimeoutException;
                failed(call, timedOut ? "timeout" : "broken", started);
                if (!call.idempotent() || attempt >= attempts) {
                    throw new SignalWireUnavailable(
                            (timedOut ? "SignalWire did not answer in time" : "The connection to SignalWire broke")
                                    + (call.idempotent() ? "" : "; whether it acted is not known"),
                            retry.initial(),
                            !call.idempotent());
                }
                pause(call, attempt, attempts, retry.backoff(attempt), timedOut ? "timed out" : "broke the connection");
                continue;
            } catch (InterruptedException e) {
                circuit.abandoned();
                Thread.currentThread().interrupt();
                throw new SignalWireUnavailable("Interrupted while waiting for SignalWire", retry.initial());
            } catch (RuntimeException e) {
                circuit.abandoned();
                throw e;
            }
            int status = response.statusCode();
            record(call, String.valueOf(status), started);
            if (status >= 200 && status < 300) {
                circuit.succeeded();
                return SignalWireAnswers.read(response.body());
            }
            if (!RetryPolicy.retryable(status)) {
                circuit.succeeded();
                throw SignalWireAnswers.rejected(status, response.body());
            }
            if (status >= 500) {
                failed(call);
            } else {
                circuit.succeeded();
            }
            if (!RetryPolicy.notDone(status) && !call.idempotent()) {
                throw new SignalWireUnavailable(
                        "SignalWire answered " + status + "; whether it acted is not known", retry.initial(), true);
            }
            Duration wait = retry.waitAfter(response, attempt);
            if (!retry.worthWaiting(wait)) {
                throw new SignalWireUnavailable(
                        "SignalWire answered " + status + " and asked for " + wait.toSeconds()
                                + " s before the next request",
                        wait);
            }
            if (attempt >= attempts) {
                throw SignalWireAnswers.rejected(status, response.body());
            }
            pause(call, attempt, attempts, wait, "answered " + status);
        }
    }

    /**
     * The space-relative path of a link SignalWire gave (such as a list's next page), or empty when
     * it points anywhere but the configured space: the credentials go nowhere else.
     */
    Optional<String> sameSpace(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI base = properties.spaceUrl();
        URI target;
        try {
            target = base.resolve(link);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean same = Objects.equals(lower(target.getScheme()), lower(base.getScheme()))
                && Objects.equals(lower(target.getHost()), lower(base.getHost()))
                && port(target) == port(base)
                && target.getRawUserInfo() == null;
        if (!same || target.getRawPath() == null) {
            return Optional.empty();
        }
        String query = target.getRawQuery();
        return Optional.of(target.getRawPath() + (query == null ? "" : "?" + query));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI resolve(String path) {
        String base = properties.spaceUrl().toString().replaceAll("/+$", "");
        return URI.create(base + path);
    }

    private HttpRequest request(Call call, URI uri) {
        String credentials = properties.projectId() + ":" + properties.apiToken();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("User-Agent", "CallMask");
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", call.contentType())
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        }
        return builder.build();
    }

    private void failed(Call call, String outcome, long started) {
        record(call, outcome, started);
        failed(call);
    }

    private void failed(Call call) {
        if (circuit.failed()) {
            log.warn(
                    "SignalWire failed {} times in a row ({} last); not calling it for {}",
                    properties.circuitFailures(),
                    call.operation(),
                    properties.circuitOpenFor());
        }
    }

    private void pause(Call call, int attempt, int attempts, Duration wait, String what) {
        log.info(
                "SignalWire {} ({}); trying again in {} ms, attempt {} of {}",
                what,
                call.operation(),
                wait.toMillis(),
                attempt + 1,
                attempts);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalWireUnavailable("Interrupted while waiting to try SignalWire again", wait);
        }
    }

    private void record(Call call, String outcome, long started) {
        Timer.builder("callmask.signalwire.requests")
                .description("Requests to SignalWire's REST API, by operation and outcome (HTTP status, timeout, "
                        + "unreachable, broken, circuit-open)")
                .tag("operation", call.operation())
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(started == 0 ? 0 : System.nanoTime() - started));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Collects form fields in order, repeating a name as often as it is added. */
    static final class Form {
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        Form add(String name, String value) {
            if (value != null) {
                fields.add(Map.entry(name, value));
            }
            return this;
        }

        List<Map.Entry<String, String>> fields() {
            return fields;
        }
    }
}
