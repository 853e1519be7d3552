package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.session.V1Calls.problemType;
import static org.callmask.session.V1Calls.proxyOf;
import static org.callmask.support.SwmlAnswer.connectsTo;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.MutableClock;
import org.callmask.support.ServiceInstance;
import org.callmask.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** v1 sessions opened and changed through two complete instances on one PostgreSQL database. */
@Tag("postgresql")
class V1MultiInstanceTests {

    private static final int POOL_SIZE = 5;
    private static final int PEOPLE_PER_SIDE = 8;

    private final MutableClock clock = new MutableClock();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final List<String> pool = new ArrayList<>();
    private JdbcClient jdbc;
    private String service;

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        Map<String, String> properties = new HashMap<>(ServiceInstance.postgresSchema(TestStore.createSchema()));
        properties.put("logging.level.org.callmask", "WARN");
        instances.add(ServiceInstance.start(clock, properties));
        instances.add(ServiceInstance.start(clock, properties));
        jdbc = JdbcClient.create(instances.get(0).bean(DataSource.class));
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(String.format("+1555123%04d", i));
        }
        service = V1Calls.serviceWithPool(instance(0), "dispatch", pool);
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ServiceInstance::close);
    }

    @Test
    void sharedParticipantsOpeningOnBothInstancesAtOnceNeverMeetOneProxyNumberTwice() throws Exception {
        // 8 contractors and 8 clients, every pair twice: each of them is in 16 requests but can hold
        // only the 5 numbers, so both sides run out while the other instance is allocating.
        int requests = 2 * PEOPLE_PER_SIDE * PEOPLE_PER_SIDE;
        spread(requests, i -> V1Calls.open(instance(i), service, client(i), contractor(i)));
        jdbc.sql("UPDATE session SET closed_at = 1, close_reason = 'deleted' WHERE closed_at IS NULL")
                .update();
        jdbc.sql("UPDATE participant SET released_at = 1 WHERE released_at IS NULL")
                .update();
        jdbc.sql("UPDATE pool_number SET active_routes = 0").update();
        Map<Integer, Response> answers =
                spread(requests, i -> V1Calls.open(instance(i), service, client(i), contractor(i)));

        assertThat(answers).hasSize(requests);
        int opened = 0;
        for (var entry : answers.entrySet()) {
            int i = entry.getKey();
            Response answer = entry.getValue();
            if (answer.status() == 201) {
                opened++;
                assertThat(pool).contains(proxyOf(answer, client(i)), proxyOf(answer, contractor(i)));
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(problemType(answer)).isEqualTo("all-numbers-paired");
                // Nothing was released during the burst, so a refused pair must still have one side
                // that holds every number.
                assertThat(Math.max(
                                ConsistencyChecks.activeProxiesOf(jdbc, client(i))
                                        .size(),
                                ConsistencyChecks.activeProxiesOf(jdbc, contractor(i))
                                        .size()))
                        .as("pair %d refused: %s", i, answer.body())
                        .isEqualTo(POOL_SIZE);
            }
        }
        assertThat(opened).isBetween(POOL_SIZE * PEOPLE_PER_SIDE / 2, POOL_SIZE * PEOPLE_PER_SIDE);
        assertThat(ConsistencyChecks.v1Violations(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.activeRoutes(jdbc)).isEqualTo(2L * opened);
        assertThat(inUseTotal(instance(0))).isEqualTo(2L * opened);
        assertThat(inUseTotal(instance(1))).isEqualTo(2L * opened);

        // Each session routes through the instance that did not open it.
        int checked = 0;
        for (var entry : answers.entrySet()) {
            int i = entry.getKey();
            if (entry.getValue().status() == 201 && checked++ < 12) {
                String proxy = proxyOf(entry.getValue(), client(i));
                assertThat(connectsTo(instance(i + 1)
                                .postJson("/calls/route", callBody(client(i), proxy))
                                .body()))
                        .containsExactly(contractor(i));
            }
        }
    }

    @Test
    void removingClosingReopeningAndOpeningOnBothInstancesKeepsTheRouteCountsTrue() throws Exception {
        // 12 clients in two sessions each, 8 contractors in three each: room left in the pool for
        // the re-openings and the new sessions to compete for.
        List<String[]> sessions = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Response opened = V1Calls.open(instance(i), service, churnClient(i), churnContractor(i));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            sessions.add(new String[] {
                JsonPath.read(opened.body(), "$.id"),
                V1Calls.participantId(opened, churnClient(i)),
                V1Calls.participantId(opened, churnContractor(i))
            });
        }

        // Each session gets every kind of change at once, from both instances, while new sessions
        // between the same people compete for their numbers.
        Map<Integer, Response> answers = spread(24 * 8, n -> {
            int i = n / 8;
            String[] s = sessions.get(i);
            HttpTestClient http = instance(n);
            return switch (n % 8) {
                case 0, 4 -> V1Calls.close(http, service, s[0]);
                case 1, 5 -> V1Calls.reopen(http, service, s[0]);
                case 2 -> V1Calls.remove(http, service, s[0], s[1]);
                case 3 -> V1Calls.add(http, service, s[0], churnClient(i + 1));
                case 6 -> V1Calls.remove(http, service, s[0], s[2]);
                default -> V1Calls.open(http, service, churnClient(i + 3), churnContractor(i + 5));
            };
        });

        assertThat(answers).hasSize(24 * 8);
        assertThat(answers.values()).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(200, 201, 204, 409);
            if (answer.status() == 409) {
                assertThat(problemType(answer))
                        .isIn("all-numbers-paired", "session-closed", "participant-limit", "duplicate-participant");
            }
        });
        assertThat(ConsistencyChecks.v1Violations(jdbc)).isEmpty();
        long routes = ConsistencyChecks.activeRoutes(jdbc);
        assertThat(inUseTotal(instance(0))).isEqualTo(routes);
        assertThat(inUseTotal(instance(1))).isEqualTo(routes);

        // Closing everything gives every number back, whichever instance counted it.
        List<String> open = jdbc.sql("SELECT public_id FROM session WHERE closed_at IS NULL")
                .query(String.class)
                .list();
        spread(open.size(), n -> V1Calls.close(instance(n), service, open.get(n)))
                .values()
                .forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(204));
        assertThat(ConsistencyChecks.v1Violations(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.activeRoutes(jdbc)).isZero();
        assertThat(inUseTotal(instance(1))).isZero();
    }

    /** Sends the requests from 16 threads, alternating instances by index, all starting at once. */
    private static Map<Integer, Response> spread(int requests, IntFunction<Response> request) throws Exception {
        Map<Integer, Response> answers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(threads.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        answers.put(i, request.apply(i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpTestClient instance(int i) {
        return instances.get(i % 2).http();
    }

    private static long inUseTotal(HttpTestClient http) {
        // Through the API of whichever instance is asked: the counts are the database's, not a cache.
        List<Integer> inUse =
                JsonPath.read(http.get("/api/v1/services/dispatch/numbers").body(), "$.items[*].in_use");
        return inUse.stream().mapToLong(Integer::longValue).sum();
    }

    private static String client(int i) {
        return String.format("+1555999%04d", i % PEOPLE_PER_SIDE);
    }

    private static String contractor(int i) {
        return String.format("+1555800%04d", (i / PEOPLE_PER_SIDE) % PEOPLE_PER_SIDE);
    }

    private static String churnClient(int i) {
        return String.format("+1555999%04d", i % 12);
    }

    private static String churnContractor(int i) {
        return String.format("+1555800%04d", i % 8);
    }

    private static String callBody(String from, String to) {
        return "{\"call\":{\"type\":\"phone\",\"from_number\":\"" + from + "\",\"to_number\":\"" + to + "\"}}";
    }
}
