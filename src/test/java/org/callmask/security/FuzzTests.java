package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.SwmlSchema;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated requests against the admin API and both webhooks. Whatever
 * arrives: never a 5xx, the webhooks always answer a valid document, and a refused request leaves
 * the stored data as it was. The seed is fixed, so a failure replays.
 */
class FuzzTests extends IntegrationTest {

    private static final long SEED = 20261126L;
    private static final int REQUESTS = 2500;

    private static final List<String> ADMIN_PATHS = List.of(
            "/api/rest/numberPool",
            "/api/rest/numberMask",
            "/api/rest/numberPool/+15551231111",
            "/api/rest/numberMask/+15551231111",
            "/api/rest/numberMask/%2B15551232222",
            "/api/rest/numberPool/+15551231111?force=true",
            "/api/rest",
            "/api/rest/numberMask/");
    private static final List<String> ADMIN_BODIES = List.of(
            "{\"phone_numbers\": \"+15551231111,+15551232222\"}",
            "{\"phone_numbers\": [\"+15551233333\"]}",
            "{\"client_number\": \"+15559990000\", \"contractor_number\": \"+15558001234\", \"ttl_seconds\": 60}",
            "{\"client_number\": \"+15559990001\", \"contractor_number\": \"+15558001234\"}");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin1",
            "*/*",
            "garbage");
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD");

    private final Random random = new Random(SEED);
    private final Set<String> validSwml = new HashSet<>();

    @Test
    void survivesRandomAndMutatedRequests() {
        poolOf("+15551231111", "+15551232222");
        openMask("+15559990000", "+15558001234");
        String stored = snapshot();

        for (int i = 0; i < REQUESTS; i++) {
            int kind = random.nextInt(10);
            Response answer;
            String what;
            if (kind < 4) {
                String body =
                        mutate(callBody(pick(List.of("+15559990000", "+15558001234", "+15557770000")), "+15551231111"));
                what = "call " + body;
                String path = mutateSegments("/calls/route");
                answer = send(path + maybeQuery(), "POST", pick(CONTENT_TYPES), body);
                if (answer == null) {
                    continue;
                }
                what = path + " " + what;
                // 415: a body of a type the webhooks do not read is refused before anything parses it;
                // 400, 401, 404: the firewall or the deny-by-default rule refused a mutated path.
                assertThat(answer.status()).as(what).isIn(200, 400, 401, 404, 413, 415);
                if (answer.status() == 200 && answer.body().startsWith("<?xml")) {
                    // A form-encoded call is a LaML voice webhook.
                    assertWellFormedLaml(answer.body(), what);
                } else if (answer.status() == 200) {
                    assertValidSwml(answer.body(), what);
                }
            } else if (kind < 7) {
                String body =
                        mutate("From=%2B15559990000&To=%2B15551231111&Body=Hello+%26+%3Cb%3E&NumMedia=1&MediaUrl0="
                                + "https%3A%2F%2Ffiles.example%2Fm%2F0.jpg");
                what = "text " + body;
                String path = mutateSegments("/texts/route");
                answer = send(path + maybeQuery(), pick(List.of("POST", "POST", "GET")), pick(CONTENT_TYPES), body);
                if (answer == null) {
                    continue;
                }
                what = path + " " + what;
                assertThat(answer.status()).as(what).isIn(200, 400, 401, 404, 413, 415);
                if (answer.status() == 200) {
                    assertWellFormedLaml(answer.body(), what);
                }
            } else {
                String method = pick(METHODS);
                String path = mutateSegments(mutatePath(pick(ADMIN_PATHS)));
                String body = random.nextInt(4) == 0 ? randomText(random.nextInt(200)) : mutate(pick(ADMIN_BODIES));
                what = method + " " + path + " " + body;
                answer = send(path, method, pick(CONTENT_TYPES), body);
                if (answer == null) {
                    continue;
                }
            }
            assertThat(answer.status()).as(what + " -> " + answer.body()).isLessThan(500);
            String now = snapshot();
            if (answer.status() >= 400 || kind < 7) {
                assertThat(now)
                        .as("stored data after " + what + " -> " + answer.status())
                        .isEqualTo(stored);
            }
            stored = now;
        }
    }

    @Test
    void refusesDeeplyNestedAndHugeJsonCleanly() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        String wide = "{\"phone_numbers\": [" + "\"+15551231111\",".repeat(60_000) + "\"+15551231111\"]}";

        assertThat(http.postJson("/api/rest/numberPool", nested).status()).isEqualTo(400);
        assertThat(http.postJson("/api/rest/numberMask", "{\"client_number\":" + nested + "}")
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson("/api/rest/numberPool", wide).status()).isEqualTo(200);
        Response call = http.postJson("/calls/route", "{\"call\":" + "[".repeat(20000) + "}");
        assertThat(call.status()).isEqualTo(200);
        assertValidSwml(call.body(), "nested call");
        assertThat(http.postJson("/calls/route", "{\"call\":\"" + "x".repeat(70_000) + "\"}")
                        .status())
                .isEqualTo(413);
    }

    private Response send(String path, String method, String contentType, String body) {
        URI uri;
        try {
            uri = URI.create(http.base() + path);
        } catch (IllegalArgumentException e) {
            return null;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", contentType);
        if (random.nextInt(5) == 0) {
            builder.header("X-" + randomToken(), randomToken());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        builder.method(
                method,
                method.equals("HEAD") || method.equals("OPTIONS")
                        ? BodyPublishers.noBody()
                        : BodyPublishers.ofByteArray(bytes));
        return http.send(builder);
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(8)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, randomChar());
                case 2 -> out.setCharAt(at, randomChar());
                case 3 -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(20))));
                case 4 -> out.setLength(at);
                case 5 ->
                    out.insert(
                            at,
                            pick(List.of(
                                    "null", "[]", "{}", "\"", "\\u0000", "%00", "&", "=", "%", "1e999", "-0", "true",
                                    "\u202e", "😀", "\n", "<x>", "'\"")));
                case 6 -> out.insert(at, "[".repeat(random.nextInt(50)));
                default -> {}
            }
        }
        return out.toString();
    }

    private String mutatePath(String path) {
        return switch (random.nextInt(6)) {
            case 0 -> path + "/" + randomToken();
            case 1 -> path.replace("+", pick(List.of("%2b", "%20", "", "++", "%2B%2B", "%00")));
            case 2 -> path + "?" + randomToken() + "=" + randomToken();
            case 3 -> path.replace("1", pick(List.of("x", "٥", "%E2%80%AE", "")));
            default -> path;
        };
    }

    /**
     * Now and then, the path as an attacker would respell it: an encoded character, a {@code ;}
     * parameter, an extra or dotted segment, another case.
     */
    private String mutateSegments(String path) {
        if (random.nextInt(3) != 0) {
            return path;
        }
        int at = 1 + random.nextInt(path.length() - 1);
        return switch (random.nextInt(4)) {
            case 0 -> path.substring(0, at) + String.format("%%%02X", (int) path.charAt(at)) + path.substring(at + 1);
            case 1 ->
                path.substring(0, at)
                        + pick(List.of(";x", ";x=1", "/", "/./", "/x/../", "%2F", "%2e", "%3B", "%5C", "%00", "%252F"))
                        + path.substring(at);
            case 2 -> path.substring(0, at) + Character.toUpperCase(path.charAt(at)) + path.substring(at + 1);
            default -> pick(List.of("/", "//", "/./", "/x/..")) + path.substring(1);
        };
    }

    private String maybeQuery() {
        return random.nextInt(4) == 0 ? "?" + randomToken() + "=" + randomToken() : "";
    }

    private char randomChar() {
        return random.nextInt(3) == 0 ? (char) random.nextInt(0x20) : (char) (0x20 + random.nextInt(0x7f - 0x20));
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(randomChar());
        }
        return out.toString();
    }

    private String randomToken() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private void assertValidSwml(String body, String what) {
        if (validSwml.add(body)) {
            assertThat(SwmlSchema.errors(body))
                    .as("SWML for " + what + ": " + body)
                    .isEmpty();
        }
    }

    private static void assertWellFormedLaml(String body, String what) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getDocumentElement().getTagName()).as(what).isEqualTo("Response");
        } catch (Exception e) {
            throw new AssertionError("Not well-formed LaML for " + what + ": " + body, e);
        }
    }

    /** Everything stored, one line a row, to compare before and after a request. */
    private String snapshot() {
        return String.join(
                "\n",
                rows("SELECT number || ' ' || COALESCE(CAST(retired_at AS TEXT), '-') || ' ' || active_routes"
                        + " FROM pool_number ORDER BY number"),
                rows("SELECT id || ' ' || COALESCE(pair_key, '-') || ' ' || COALESCE(close_reason, '-')"
                        + " FROM session ORDER BY id"),
                rows("SELECT session_id || ' ' || number || ' ' || proxy_number || ' '"
                        + " || COALESCE(CAST(released_at AS TEXT), '-') FROM participant ORDER BY session_id, role"));
    }

    private String rows(String sql) {
        return String.join("\n", jdbc.sql(sql).query(String.class).list());
    }
}
