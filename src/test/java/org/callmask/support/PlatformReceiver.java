package org.callmask.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The platform's side of CallMask's outgoing requests: a real HTTP server on a loopback port that
 * records every request and answers as each test scripts it (status, body, delay).
 */
public final class PlatformReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String path, String signature, byte[] body, long receivedAtNanos) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request. */
    public record Reply(int status, String body, long delayMillis) {

        public static Reply status(int status) {
            return new Reply(status, "", 0);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, body, 0);
        }

        public static Reply after(long delayMillis, int status) {
            return new Reply(status, "", delayMillis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    private PlatformReceiver(HttpServer server) {
        this.server = server;
    }

    public static PlatformReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PlatformReceiver receiver = new PlatformReceiver(server);
            server.setExecutor(receiver.executor);
            server.createContext("/", exchange -> {
                int now = receiver.inFlight.incrementAndGet();
                receiver.mostInFlight.accumulateAndGet(now, Math::max);
                try {
                    Received request = new Received(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("CallMask-Signature"),
                            exchange.getRequestBody().readAllBytes(),
                            System.nanoTime());
                    receiver.received.add(request);
                    Reply reply = receiver.scripts
                            .getOrDefault(request.path(), r -> Reply.status(200))
                            .apply(request);
                    if (reply.delayMillis() > 0) {
                        Thread.sleep(reply.delayMillis());
                    }
                    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                    if (!reply.body().isEmpty()) {
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                    }
                    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // The sender gave up (its timeout): nothing to answer.
                } finally {
                    receiver.inFlight.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the receiver", e);
        }
    }

    /** Answers requests to {@code path} as {@code script} says; 200 with no body otherwise. */
    public PlatformReceiver answer(String path, Function<Received, Reply> script) {
        scripts.put(path, script);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests this receiver was answering at one time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
