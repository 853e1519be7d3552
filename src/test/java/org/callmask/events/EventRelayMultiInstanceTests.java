package org.callmask.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.callmask.support.HttpTestClient;
import org.callmask.support.MutableClock;
import org.callmask.support.PlatformReceiver;
import org.callmask.support.PlatformReceiver.Received;
import org.callmask.support.PlatformReceiver.Reply;
import org.callmask.support.ServiceInstance;
import org.callmask.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two complete instances on one PostgreSQL database, both relaying the one outbox: every event
 * arrives once, a session's events arrive in order and never two at a time, though both instances
 * deliver at once.
 */
@Tag("postgresql")
class EventRelayMultiInstanceTests {

    private static final int SESSIONS = 40;

    private final MutableClock clock = new MutableClock();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlightBySession = new ConcurrentHashMap<>();
    private final Set<String> overlapping = ConcurrentHashMap.newKeySet();
    private PlatformReceiver platform;

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        platform = PlatformReceiver.start();
        // Each delivery takes a moment, so deliveries of both instances overlap in time.
        platform.answer("/events", request -> {
            String session = JsonPath.parse(request.text()).read("$.data.session_id");
            AtomicInteger inFlight = inFlightBySession.computeIfAbsent(session, s -> new AtomicInteger());
            if (inFlight.incrementAndGet() > 1) {
                overlapping.add(session);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Reply.status(200);
        });
        Map<String, String> properties = new HashMap<>(ServiceInstance.postgresSchema(TestStore.createSchema()));
        properties.put("logging.level.org.callmask", "WARN");
        properties.put("callmask.events.poll", "20ms");
        instances.add(ServiceInstance.start(clock, properties));
        instances.add(ServiceInstance.start(clock, properties));
    }

    @AfterEach
    void stop() {
        instances.forEach(ServiceInstance::close);
        platform.close();
    }

    private HttpTestClient instance(int i) {
        return instances.get(i % 2).http();
    }

    @Test
    void bothInstancesDeliverEachEventOnceAndEachSessionsEventsInOrder() throws Exception {
        HttpTestClient first = instance(0);
        assertThat(first.postJson(
                                "/api/v1/services",
                                "{\"unique_name\": \"deliveries\", \"geo_match\": \"none\", \"callback_url\": \""
                                        + platform.url("/events") + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(first.postJson(
                                "/api/v1/services/deliveries/numbers",
                                "{\"numbers\": [\"+15551230001\", \"+15551230002\", \"+15551230003\"]}")
                        .status())
                .isEqualTo(201);

        // Each session lives its whole life through alternating instances: opened, a participant
        // added, its lifetime changed, closed: four events that must arrive in that order.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int n = i;
            opened.add(pool.submit(() -> lifeOfASession(n)));
        }
        List<String> sessions = new ArrayList<>();
        for (Future<String> session : opened) {
            sessions.add(session.get());
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> platform.received("/events").size() >= 4 * SESSIONS);
        await().during(Duration.ofMillis(500))
                .until(() -> platform.received("/events").size() == 4 * SESSIONS);

        List<Received> received = platform.received("/events");
        Map<String, Long> deliveriesPerEvent = received.stream()
                .collect(Collectors.groupingBy(
                        r -> JsonPath.parse(r.text()).<String>read("$.id"), Collectors.counting()));
        assertThat(deliveriesPerEvent).hasSize(4 * SESSIONS);
        assertThat(deliveriesPerEvent.values()).allMatch(count -> count == 1);
        Map<String, List<String>> typesBySession = new LinkedHashMap<>();
        for (Received r : received) {
            DocumentContext body = JsonPath.parse(r.text());
            typesBySession
                    .computeIfAbsent(body.read("$.data.session_id"), s -> new ArrayList<>())
                    .add(body.read("$.type"));
        }
        assertThat(typesBySession.keySet()).containsExactlyInAnyOrderElementsOf(sessions);
        typesBySession.forEach((session, types) -> assertThat(types)
                .as(session)
                .containsExactly("session.created", "participant.added", "session.updated", "session.closed"));
        assertThat(overlapping).as("sessions with two deliveries at once").isEmpty();
        assertThat(platform.mostInFlight()).as("deliveries at once").isGreaterThan(1);
    }

    private String lifeOfASession(int n) {
        String courier = String.format("+1555900%04d", n);
        String customer = String.format("+1555800%04d", n);
        HttpTestClient.Response created = instance(n)
                .postJson(
                        "/api/v1/services/deliveries/sessions",
                        "{\"participants\": [{\"number\": \"" + courier + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = JsonPath.parse(created.body()).read("$.id");
        String path = "/api/v1/services/deliveries/sessions/" + session;
        assertThat(instance(n + 1)
                        .postJson(path + "/participants", "{\"number\": \"" + customer + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(instance(n).patchJson(path, "{\"ttl\": 3600}").status()).isEqualTo(200);
        assertThat(instance(n + 1).delete(path).status()).isEqualTo(204);
        return session;
    }
}
