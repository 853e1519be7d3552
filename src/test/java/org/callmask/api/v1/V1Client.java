package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;

/**
 * The v1 API as a platform backend calls it, with the checks every answer shares: JSON bodies
 * for successes, RFC 9457 problems with a CallMask type for errors.
 */
final class V1Client {

    static final String BASE = "/api/v1/services";
    static final String PROBLEM_PREFIX = "urn:callmask:problem:";

    private final HttpTestClient http;

    V1Client(HttpTestClient http) {
        this.http = http;
    }

    Response get(String path) {
        return http.get(path);
    }

    Response post(String path, String json) {
        return http.postJson(path, json);
    }

    Response patch(String path, String json) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(json)));
    }

    Response delete(String path) {
        return http.delete(path);
    }

    /** Creates a service with default settings and returns its id. */
    String service(String uniqueName) {
        return createService("{\"unique_name\": \"" + uniqueName + "\"}").read("$.id");
    }

    /** Creates a service from a full body and returns it. */
    DocumentContext createService(String json) {
        return created(post(BASE, json));
    }

    /** Adds plain numbers (all capabilities, unreserved, no capacity limit) to a service's pool. */
    DocumentContext numbers(String service, String... numbers) {
        String list = Stream.of(numbers).map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        return created(post(numbersPath(service), "{\"numbers\": [" + list + "]}"));
    }

    /** Adds numbers given as JSON entries, such as {@code {"number": "+1…", "reserved": true}}. */
    DocumentContext numberEntries(String service, String... entries) {
        return created(post(numbersPath(service), "{\"numbers\": [" + String.join(", ", entries) + "]}"));
    }

    /** Opens a session from a full body, expecting 201. */
    DocumentContext session(String service, String json) {
        return created(post(sessionsPath(service), json));
    }

    /** Opens a session between the given participants' numbers, expecting 201. */
    DocumentContext sessionBetween(String service, String... participants) {
        return session(service, "{\"participants\": " + participants(participants) + "}");
    }

    /** A session's current state. */
    DocumentContext session(String service, DocumentContext session) {
        return ok(get(sessionPath(service, session.read("$.id"))));
    }

    static String participants(String... numbers) {
        return Stream.of(numbers).map(n -> "{\"number\": \"" + n + "\"}").collect(Collectors.joining(", ", "[", "]"));
    }

    static String servicePath(String service) {
        return BASE + "/" + service;
    }

    static String numbersPath(String service) {
        return servicePath(service) + "/numbers";
    }

    static String numberPath(String service, String number) {
        return numbersPath(service) + "/" + number;
    }

    static String sessionsPath(String service) {
        return servicePath(service) + "/sessions";
    }

    static String sessionPath(String service, String session) {
        return sessionsPath(service) + "/" + session;
    }

    static String participantsPath(String service, String session) {
        return sessionPath(service, session) + "/participants";
    }

    /** Every item of a list, following next_page_token from the first page on. */
    List<DocumentContext> walk(String path, int pageSize) {
        List<DocumentContext> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String token = null;
        int pages = 0;
        do {
            String url = path + separator + "page_size=" + pageSize + (token == null ? "" : "&page_token=" + token);
            DocumentContext page = ok(get(url));
            List<Object> onPage = page.read("$.items");
            assertThat(onPage.size()).as("page size").isLessThanOrEqualTo(pageSize);
            for (int i = 0; i < onPage.size(); i++) {
                items.add(JsonPath.parse((Object) page.read("$.items[" + i + "]")));
            }
            token = page.read("$.next_page_token");
            assertThat(++pages).as("pages walked").isLessThan(100);
        } while (token != null);
        return items;
    }

    /** The values at one path of each item. */
    static <T> List<T> each(List<DocumentContext> items, String path) {
        return items.stream().map(i -> i.<T>read(path)).toList();
    }

    static DocumentContext created(Response response) {
        return json(response, 201);
    }

    static DocumentContext ok(Response response) {
        return json(response, 200);
    }

    static DocumentContext json(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        return JsonPath.parse(response.body());
    }

    static void noContent(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    /** Checks a problem answer: status, content type, type, and that status and title are filled. */
    static DocumentContext problem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        DocumentContext problem = JsonPath.parse(response.body());
        assertThat(problem.<String>read("$.type")).isEqualTo(PROBLEM_PREFIX + type);
        assertThat(problem.<Integer>read("$.status")).isEqualTo(status);
        assertThat(problem.<String>read("$.title")).isNotBlank();
        assertThat(problem.<String>read("$.detail")).isNotBlank();
        return problem;
    }

    /** Checks a 400 invalid-request problem and returns the fields it names, in order. */
    static List<String> invalid(Response response) {
        DocumentContext problem = problem(response, 400, "invalid-request");
        List<String> fields = problem.read("$.errors[*].field");
        List<String> messages = problem.read("$.errors[*].message");
        assertThat(messages).allSatisfy(m -> assertThat(m).isNotBlank());
        return fields;
    }
}
