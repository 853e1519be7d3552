import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's end of the event benchmark: accepts CallMask's event deliveries on 127.0.0.1 and
 * counts them by event id, so a run can tell events lost from events delivered twice.
 *
 *   java bench/Receiver.java PORT        # GET /stats answers "received distinct duplicates"
 *
 * It stops by itself after four hours.
 */
public class Receiver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(evt_[0-9a-f]{32})\"");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ConcurrentHashMap<String, AtomicLong> seen = new ConcurrentHashMap<>();
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher id = ID.matcher(new String(body, StandardCharsets.UTF_8));
            if (id.find()) {
                seen.computeIfAbsent(id.group(1), k -> new AtomicLong()).incrementAndGet();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/stats", exchange -> {
            long duplicates = seen.values().stream().mapToLong(n -> n.get() - 1).sum();
            byte[] answer = (received.get() + " " + seen.size() + " " + duplicates + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(4L * 60 * 60 * 1000);
            } catch (InterruptedException e) {
                return;
            }
            server.stop(0);
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();
    }
}
