package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.SwmlAnswer.connectsTo;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

/** Two complete instances on one PostgreSQL database, as a scaled-out deployment runs. */
@Tag("postgresql")
class MultiInstanceTests {

    private static final int POOL_SIZE = 20;

    private final MutableClock clock = new MutableClock();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private JdbcClient jdbc;

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        Map<String, String> properties = new HashMap<>(ServiceInstance.postgresSchema(TestStore.createSchema()));
        properties.put("callmask.session.sweep-batch", "25");
        properties.put("logging.level.org.callmask", "WARN");
        instances.add(ServiceInstance.start(clock, properties));
        instances.add(ServiceInstance.start(clock, properties));
        jdbc = JdbcClient.create(instances.get(0).bean(DataSource.class));
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ServiceInstance::close);
    }

    @Test
    void twoThousandConcurrentMasksAcrossTwoInstancesKeepEveryGuarantee() throws Exception {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(String.format("+1555123%04d", i));
        }
        assertThat(instance(0)
                        .postJson("/api/rest/numberPool", "{\"phone_numbers\": \"" + String.join(",", pool) + "\"}")
                        .status())
                .isEqualTo(200);

        // 300 clients and 100 contractors: each contractor serves 20 clients, each client about 7
        // contractors, 2,000 distinct pairs in all.
        int requests = 2000;
        Map<Integer, Response> answers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            workers.add(threads.submit(() -> {
                start.await();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    answers.put(
                            i,
                            instance(i % 2)
                                    .postJson(
                                            "/api/rest/numberMask",
                                            "{\"client_number\":\"" + client(i) + "\",\"contractor_number\":\""
                                                    + contractor(i) + "\"}"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();

        assertThat(answers).hasSize(requests);
        assertThat(ConsistencyChecks.doublePairings(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.countsMismatches(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.routeStateMismatches(jdbc)).isEmpty();

        int opened = 0;
        for (var entry : answers.entrySet()) {
            int i = entry.getKey();
            Response answer = entry.getValue();
            if (answer.status() == 200) {
                opened++;
                String mask = JsonPath.read(answer.body(), "$.mask_number");
                assertThat(pool).as(answer.body()).contains(mask);
                // Routable through either instance, in both directions.
                assertThat(connectsTo(instance(i + 1)
                                .postJson("/calls/route", callBody(client(i), mask))
                                .body()))
                        .containsExactly(contractor(i));
                assertThat(connectsTo(instance(i)
                                .postJson("/calls/route", callBody(contractor(i), mask))
                                .body()))
                        .containsExactly(client(i));
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.body()).startsWith("There are no usable numbers in the pool.");
                // A refusal is right only if every number already pairs the client or the contractor.
                Set<String> taken = new HashSet<>(activeProxiesOf(client(i)));
                taken.addAll(activeProxiesOf(contractor(i)));
                assertThat(taken).as("numbers taken for refused pair %d", i).hasSize(POOL_SIZE);
            }
        }
        assertThat(opened).isGreaterThan(requests / 2);
        assertThat(inUseTotal(instance(0))).isEqualTo(opened);
        assertThat(inUseTotal(instance(1))).isEqualTo(opened);
    }

    @Test
    void twoInstancesSweepingAtOnceExpireEachMaskExactlyOnce() throws Exception {
        instance(0).postJson("/api/rest/numberPool", "{\"phone_numbers\": \"+15551230001,+15551230002\"}");
        int masks = 300;
        for (int i = 0; i < masks; i++) {
            assertThat(instance(i % 2)
                            .postJson(
                                    "/api/rest/numberMask",
                                    "{\"client_number\":\"" + String.format("+1555999%04d", i)
                                            + "\",\"contractor_number\":\"" + String.format("+1555800%04d", i)
                                            + "\",\"ttl_seconds\":60}")
                            .status())
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(2));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sweeps = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Sessions sessions = instances.get(t % 2).bean(Sessions.class);
            sweeps.add(threads.submit(() -> {
                start.await();
                return sessions.sweepExpired();
            }));
        }
        start.countDown();
        int closed = 0;
        for (Future<Integer> sweep : sweeps) {
            closed += sweep.get();
        }
        threads.shutdown();

        assertThat(closed).as("sessions closed, summed over every sweep").isEqualTo(masks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session WHERE close_reason = 'expired'")
                        .query(Long.class)
                        .single())
                .isEqualTo(masks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM participant WHERE released_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT SUM(active_routes) FROM pool_number")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(ConsistencyChecks.routeStateMismatches(jdbc)).isEmpty();
    }

    private HttpTestClient instance(int i) {
        return instances.get(i % 2).http();
    }

    private List<String> activeProxiesOf(String number) {
        return jdbc.sql("SELECT proxy_number FROM participant WHERE number = :n AND released_at IS NULL")
                .param("n", number)
                .query(String.class)
                .list();
    }

    private static int inUseTotal(HttpTestClient http) {
        List<Integer> inUse = JsonPath.read(http.get("/api/rest/numberPool").body(), "$[*].in_use");
        return inUse.stream().mapToInt(Integer::intValue).sum();
    }

    private static String client(int i) {
        return String.format("+1555999%04d", i % 300);
    }

    private static String contractor(int i) {
        return String.format("+1555800%04d", i / 20);
    }

    private static String callBody(String from, String to) {
        return "{\"call\":{\"type\":\"phone\",\"from_number\":\"" + from + "\",\"to_number\":\"" + to + "\"}}";
    }
}
