package org.callmask.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.callmask.outbound.OutboundAnswer.Answered;
import org.callmask.outbound.OutboundAnswer.Failure;
import org.callmask.outbound.OutboundAnswer.NotAnswered;
import org.springframework.stereotype.Component;

/**
 * Sends a signed JSON POST to a URL a platform configured, within a timeout, and says what came of
 * it. It never throws for what the receiver does, and it never follows a redirect.
 *
 * <pre>{@code
 * OutboundAnswer answer = http.post(url, json, List.of(secret), Duration.ofSeconds(1));
 * }</pre>
 */
@Component
public class OutboundHttp {

    /** The most of an answer's body kept: hooks answer with a small JSON object. */
    public static final int MAX_ANSWER = 16 * 1024;

    private final AddressGuard guard;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    OutboundHttp(OutboundProperties properties, Clock clock) {
        this.guard = new AddressGuard(properties.allowPrivateNetworks());
        this.clock = clock;
    }

    /**
     * @param secrets each signs the body (the current secret, and the previous one during its grace
     *     period)
     * @param timeout for the whole exchange, connection included
     */
    public OutboundAnswer post(URI url, byte[] json, List<String> secrets, Duration timeout) {
        Optional<String> refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            return new NotAnswered(Failure.REFUSED, refusal.get());
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "CallMask")
                .header(CallbackSignature.HEADER, CallbackSignature.header(clock.millis() / 1000, json, secrets))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        // The body is read inside the same deadline: a receiver dripping its answer a byte at a
        // time must not hold the sender longer than the timeout. On timeout the stream is closed,
        // which ends the read.
        AtomicReference<InputStream> open = new AtomicReference<>();
        CompletableFuture<Answered> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    open.set(response.body());
                    try (InputStream body = response.body()) {
                        return new Answered(response.statusCode(), body.readNBytes(MAX_ANSWER));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            closeQuietly(open.get());
            return new NotAnswered(Failure.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new NotAnswered(Failure.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
            }
            if (cause instanceof UncheckedIOException broken) {
                cause = broken.getCause();
            }
            return new NotAnswered(
                    Failure.CONNECTION, "connection failed: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            closeQuietly(open.get());
            return new NotAnswered(Failure.CONNECTION, "interrupted");
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing only ends a read that is being abandoned anyway.
            }
        }
    }
}
