package org.callmask.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.callmask.outbound.OutboundAnswer.Answered;
import org.callmask.outbound.OutboundAnswer.Failure;
import org.callmask.outbound.OutboundAnswer.NotAnswered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to a platform's URL, against a real HTTP server on a loopback port: signed so the
 * receiver can check them, bounded in time, never redirected, and never sent to an internal
 * address unless private networks are allowed.
 */
class OutboundHttpTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] BODY = "{\"type\":\"session.created\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(String path, String signature, byte[] body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("CallMask-Signature"), body));
            switch (path) {
                case "/slow" -> sleep(3_000);
                case "/moved" -> exchange.getResponseHeaders().add("Location", "/elsewhere");
                default -> {}
            }
            int status = path.equals("/moved") ? 302 : path.equals("/broken") ? 500 : 200;
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static OutboundHttp http(boolean allowPrivateNetworks) {
        return new OutboundHttp(new OutboundProperties(allowPrivateNetworks), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** What the README tells a platform to do with the header, written out as a receiver would. */
    private static boolean verifies(String header, byte[] body, String secret, long nowSeconds) throws Exception {
        long t = -1;
        List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (Math.abs(nowSeconds - t) > 300) {
            return false;
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = java.util.HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aRequestArrivesSignedSoTheReceiverCanCheckItsBodyAndTime() throws Exception {
        OutboundAnswer answer = http(true).post(url("/events"), BODY, List.of("whsec_current"), Duration.ofSeconds(1));

        assertThat(answer).isInstanceOf(Answered.class);
        assertThat(((Answered) answer).status()).isEqualTo(200);
        assertThat(new String(((Answered) answer).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ok\":true}");
        Received request = received.get(0);
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.signature()).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(verifies(request.signature(), request.body(), "whsec_current", NOW.getEpochSecond()))
                .isTrue();
        assertThat(verifies(request.signature(), request.body(), "whsec_other", NOW.getEpochSecond()))
                .isFalse();
        assertThat(verifies(
                        request.signature(),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "whsec_current",
                        NOW.getEpochSecond()))
                .isFalse();
        assertThat(verifies(request.signature(), request.body(), "whsec_current", NOW.getEpochSecond() + 600))
                .isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        http(true).post(url("/events"), BODY, List.of("whsec_new", "whsec_old"), Duration.ofSeconds(1));

        String header = received.get(0).signature();
        assertThat(header.split(",")).hasSize(3);
        assertThat(verifies(header, BODY, "whsec_new", NOW.getEpochSecond())).isTrue();
        assertThat(verifies(header, BODY, "whsec_old", NOW.getEpochSecond())).isTrue();
    }

    @Test
    void aReceiverTooSlowToAnswerIsATimeoutWithinTheTimeout() {
        long started = System.nanoTime();

        OutboundAnswer answer = http(true).post(url("/slow"), BODY, List.of("s"), Duration.ofMillis(300));

        assertThat(answer)
                .isInstanceOfSatisfying(
                        NotAnswered.class, n -> assertThat(n.failure()).isEqualTo(Failure.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aRedirectIsAnswerNotAnInvitation() {
        OutboundAnswer answer = http(true).post(url("/moved"), BODY, List.of("s"), Duration.ofSeconds(1));

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answered.class, a -> assertThat(a.status()).isEqualTo(302));
        assertThat(received).extracting(Received::path).containsExactly("/moved");
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        OutboundAnswer answer = http(true)
                .post(URI.create("http://127.0.0.1:" + port + "/"), BODY, List.of("s"), Duration.ofSeconds(1));

        assertThat(answer)
                .isInstanceOfSatisfying(
                        NotAnswered.class, n -> assertThat(n.failure()).isEqualTo(Failure.CONNECTION));
    }

    @Test
    void internalAddressesAreRefusedUnlessPrivateNetworksAreAllowed() {
        OutboundHttp guarded = http(false);
        int port = receiver.getAddress().getPort();

        for (String url : List.of(
                "http://127.0.0.1:" + port + "/events",
                "http://localhost:" + port + "/events",
                "http://[::1]:" + port + "/events",
                "http://[::ffff:127.0.0.1]:" + port + "/events",
                "http://0.0.0.0:" + port + "/events",
                "http://10.1.2.3/events",
                "http://172.16.0.1/events",
                "http://192.168.1.1/events",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/events",
                "http://[fd00::1]/events",
                "ftp://example.com/events",
                "http://user:pass@example.com/events")) {
            OutboundAnswer answer = guarded.post(URI.create(url), BODY, List.of("s"), Duration.ofSeconds(1));
            assertThat(answer)
                    .as(url)
                    .isInstanceOfSatisfying(
                            NotAnswered.class, n -> assertThat(n.failure()).isEqualTo(Failure.REFUSED));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName("93.184.216.34")))
                .isFalse();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("2606:2800:220:1::1")))
                .isFalse();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
    }
}
