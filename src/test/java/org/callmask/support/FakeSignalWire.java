package org.callmask.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * told, 404 with SignalWire's error shape otherwise. A reply can go on to call CallMask back, as
 * SignalWire does once it has acted ({@link Reply#then}): the fake posts to the URLs CallMask gave
 * it, its public address mapped to the local server ({@link #callBackTo}).
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

    /** How to answer one request, and what to do once it is answered. */
    public record Reply(
            int status, String body, Map<String, String> headers, long delayMillis, List<Runnable> afterwards) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), 0, List.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, delayMillis, afterwards);
        }

        public Reply after(long millis) {
            return new Reply(status, body, headers, millis, afterwards);
        }

        /** Runs {@code action} on the fake's thread once the reply is sent, after any before it. */
        public Reply then(Runnable action) {
            List<Runnable> all = new ArrayList<>(afterwards);
            all.add(action);
            return new Reply(status, body, headers, delayMillis, List.copyOf(all));
        }
    }

    /** A request the fake sent CallMask, and CallMask's answer. */
    public record CallBack(String url, int status, String answer) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> scripts = new ConcurrentHashMap<>();
    private final List<CallBack> callBacks = new CopyOnWriteArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String publicBase;
    private volatile String localBase;

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
                    exchange.close();
                    reply.afterwards().forEach(Runnable::run);
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
        callBacks.clear();
    }

    /** Where the fake's call-backs go: URLs under {@code publicBase} are sent to {@code localBase}. */
    public void callBackTo(String publicBase, String localBase) {
        this.publicBase = publicBase;
        this.localBase = localBase;
    }

    /**
     * Posts to a URL CallMask gave, as SignalWire would, and answers what CallMask answered.
     *
     * @param contentType {@code application/json} (the Calling API, SWML) or a form (LaML)
     */
    public CallBack post(String url, String contentType, String body) {
        String target =
                publicBase != null && url.startsWith(publicBase) ? localBase + url.substring(publicBase.length()) : url;
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(target))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            CallBack sent = new CallBack(url, answer.statusCode(), answer.body());
            callBacks.add(sent);
            return sent;
        } catch (IOException e) {
            throw new IllegalStateException("CallMask did not answer the fake's call-back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The call-backs the fake sent so far, in order. */
    public List<CallBack> callBacks() {
        return List.copyOf(callBacks);
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
