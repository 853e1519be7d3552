package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;

/** The v1 requests the race tests send, and the race itself: every request released at one instant. */
final class V1Calls {

    static final String PROBLEM = "urn:callmask:problem:";

    private V1Calls() {}

    /** Creates a service with the defaults and the given pool; returns its id. */
    static String serviceWithPool(HttpTestClient http, String name, List<String> numbers) {
        Response service = http.postJson("/api/v1/services", "{\"unique_name\":\"" + name + "\"}");
        assertThat(service.status()).as(service.body()).isEqualTo(201);
        String id = JsonPath.read(service.body(), "$.id");
        Response added = http.postJson(
                "/api/v1/services/" + id + "/numbers",
                numbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "{\"numbers\":[", "]}")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return id;
    }

    static String sessions(String service) {
        return "/api/v1/services/" + service + "/sessions";
    }

    static Response open(HttpTestClient http, String service, String... participants) {
        return http.postJson(sessions(service), "{\"participants\":" + participants(participants) + "}");
    }

    static Response openNamed(HttpTestClient http, String service, String name, String... participants) {
        return http.postJson(
                sessions(service),
                "{\"unique_name\":\"" + name + "\",\"participants\":" + participants(participants) + "}");
    }

    static Response add(HttpTestClient http, String service, String session, String number) {
        return http.postJson(sessions(service) + "/" + session + "/participants", "{\"number\":\"" + number + "\"}");
    }

    static Response remove(HttpTestClient http, String service, String session, String participant) {
        return http.delete(sessions(service) + "/" + session + "/participants/" + participant);
    }

    static Response close(HttpTestClient http, String service, String session) {
        return http.delete(sessions(service) + "/" + session);
    }

    static Response reopen(HttpTestClient http, String service, String session) {
        return http.send(http.request(sessions(service) + "/" + session)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"status\":\"open\"}")));
    }

    static Response get(HttpTestClient http, String service, String session) {
        return http.get(sessions(service) + "/" + session);
    }

    /** The problem type of a v1 error answer, without its prefix; fails on anything else. */
    static String problemType(Response answer) {
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        String type = JsonPath.read(answer.body(), "$.type");
        assertThat(type).as(answer.body()).startsWith(PROBLEM);
        return type.substring(PROBLEM.length());
    }

    /** The proxy number a session answer gave to one of its active participants. */
    static String proxyOf(Response session, String number) {
        return activeParticipant(session, number).get("proxy_number").toString();
    }

    static String participantId(Response session, String number) {
        return activeParticipant(session, number).get("id").toString();
    }

    private static Map<String, Object> activeParticipant(Response session, String number) {
        List<Map<String, Object>> participants = JsonPath.read(session.body(), "$.participants");
        List<Map<String, Object>> found = participants.stream()
                .filter(p -> number.equals(p.get("number")) && p.get("removed_at") == null)
                .toList();
        assertThat(found).as(session.body()).hasSize(1);
        return found.get(0);
    }

    /** Sends {@code requests} requests from as many threads, all let go at once; answers in order. */
    static <T> List<T> race(int requests, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String participants(String... numbers) {
        List<String> out = new ArrayList<>();
        for (String number : numbers) {
            out.add("{\"number\":\"" + number + "\"}");
        }
        return "[" + String.join(",", out) + "]";
    }
}
