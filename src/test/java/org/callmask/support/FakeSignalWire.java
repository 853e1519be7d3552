package org.callmask.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * SignalWire's REST API as the tests script it: a real HTTP server on a loopback port that records
 * every request (method, path, query, credentials, body) and answers each {@code "METHOD path"} as
 * told, 404 with SignalWire's error shape otherwise.
 */
public final class FakeSignalWire implements AutoCloseable {

    public static final String PROJECT = "d6b2f1a4-0c3e-4b7a-9f8e-1a2b3c4d5e6f";
    public static final String TOKEN = "PTtest0123456789abcdef";

    /** One request as it arrived. */
    public record Received(
            String method, String path, String query, String authorization, String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The form fields of a form body, each name with its values in order. */
        public Map<String, List<String>> form() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (text().isEmpty()) {
                return out;
            }
            for (String pair : text().split("&")) {
                String[] kv = pair.split("=", 2);
                out.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
            }
            return out;
        }

        /** The user and password of the Basic credentials, joined by a colon. */
        public String basicCredentials() {
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, delayMillis);
        }

        public Reply after(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> scripts = new ConcurrentHashMap<>();

    private FakeSignalWire(HttpServer server) {
        this.server = server;
    }

    public static FakeSignalWire start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeSignalWire fake = new FakeSignalWire(server);
            server.setExecutor(fake.executor);
            server.createContext("/", exchange -> {
                try {
                    Received request = new Received(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestBody().readAllBytes());
                    fake.received.add(request);
                    Reply reply = fake.scripts
                            .getOrDefault(
                                    request.method() + " " + request.path(),
                                    r -> Reply.json(
                                            404, "{\"errors\":[{\"code\":\"not_found\",\"message\":\"Not found\"}]}"))
                            .apply(request);
                    if (reply.delayMillis() > 0) {
                        Thread.sleep(reply.delayMillis());
                    }
                    reply.headers()
                            .forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
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
                    // CallMask gave up waiting: nothing to answer.
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake SignalWire", e);
        }
    }

    /** Answers {@code "METHOD path"}, such as {@code "POST /api/calling/calls"}, as {@code script} says. */
    public FakeSignalWire answer(String methodAndPath, Function<Received, Reply> script) {
        scripts.put(methodAndPath, script);
        return this;
    }

    /** Answers the listed replies in turn, the last one from then on. */
    public FakeSignalWire answerInTurn(String methodAndPath, Reply... replies) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return answer(methodAndPath, r -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    public void reset() {
        scripts.clear();
        received.clear();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String methodAndPath) {
        return received.stream()
                .filter(r -> (r.method() + " " + r.path()).equals(methodAndPath))
                .toList();
    }

    /** The Compatibility API path of the project's messages. */
    public static String messagesPath() {
        return "/api/laml/2010-04-01/Accounts/" + PROJECT + "/Messages.json";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
