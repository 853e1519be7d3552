package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callmask.core.PhoneNumber;
import org.callmask.service.ServiceId;
import org.callmask.session.PoolShortage;
import org.callmask.support.FakeSignalWire;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient;
import org.callmask.support.MutableClock;
import org.callmask.support.ServiceInstance;
import org.callmask.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two complete instances on one PostgreSQL database, each told of many shortages at once: between
 * them they buy exactly as many numbers as take the pool to its limit, never one more.
 */
@Tag("postgresql")
class PoolRefillMultiInstanceTests {

    private static final int MAX_NUMBERS = 4;
    private static final int ATTEMPTS_PER_INSTANCE = 12;

    private final MutableClock clock = new MutableClock();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final AtomicInteger offered = new AtomicInteger();
    private FakeSignalWire signalWire;

    @BeforeAll
    static void postgresIsReachable() {
        TestStore.POSTGRESQL.assumeReachable();
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        signalWire = FakeSignalWire.start();
        // Every search offers a number no one has bought yet; each purchase takes a moment, so the
        // instances' purchases overlap.
        signalWire.answer(
                "GET /api/relay/rest/phone_numbers/search",
                r -> Reply.json(
                        200, "{\"data\": [{\"number\": \"+1628555" + (1000 + offered.incrementAndGet()) + "\"}]}"));
        signalWire.answer("POST /api/relay/rest/phone_numbers", r -> {
            String number = JsonPath.read(r.text(), "$.number");
            return Reply.json(200, "{\"id\": \"id-" + number.substring(1) + "\", \"number\": \"" + number + "\"}")
                    .after(40);
        });
        Map<String, String> properties = new HashMap<>(ServiceInstance.postgresSchema(TestStore.createSchema()));
        properties.put("logging.level.org.callmask", "WARN");
        properties.put("callmask.signalwire.space-url", signalWire.url());
        properties.put("callmask.signalwire.project-id", FakeSignalWire.PROJECT);
        properties.put("callmask.signalwire.api-token", FakeSignalWire.TOKEN);
        properties.put("callmask.public-url", "https://callmask.example.com");
        properties.put("callmask.pool.low-watermark", "0");
        instances.add(ServiceInstance.start(clock, properties));
        instances.add(ServiceInstance.start(clock, properties));
    }

    @AfterEach
    void stop() {
        instances.forEach(ServiceInstance::close);
        signalWire.close();
    }

    @Test
    void instancesBuyingAtOnceNeverTakeThePoolPastItsLimit() throws Exception {
        HttpTestClient http = instances.get(0).http();
        String service = JsonPath.read(
                http.postJson(
                                "/api/v1/services",
                                "{\"unique_name\": \"deliveries\", \"pool\": {\"auto_buy\": {\"enabled\": true, "
                                        + "\"max_numbers\": " + MAX_NUMBERS + ", \"country\": \"US\"}}}")
                        .body(),
                "$.id");
        assertThat(http.postJson("/api/v1/services/deliveries/numbers", "{\"numbers\": [\"+14155550100\"]}")
                        .status())
                .isEqualTo(201);

        ExecutorService threads = Executors.newFixedThreadPool(2 * ATTEMPTS_PER_INSTANCE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PhoneNumber>>> bought = new ArrayList<>();
        for (int i = 0; i < 2 * ATTEMPTS_PER_INSTANCE; i++) {
            PoolRefill refill = instances.get(i % 2).bean(PoolRefill.class);
            bought.add(threads.submit(() -> {
                start.await();
                return refill.refill(
                        new PoolShortage(new ServiceId(service), PoolShortage.LOW, Optional.empty(), Optional.empty()));
            }));
        }
        start.countDown();
        int numbersBought = 0;
        for (Future<Optional<PhoneNumber>> f : bought) {
            numbersBought += f.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(numbersBought).isEqualTo(MAX_NUMBERS - 1);
        assertThat(signalWire.received("POST /api/relay/rest/phone_numbers")).hasSize(MAX_NUMBERS - 1);
        List<String> pool = JsonPath.read(
                instances
                        .get(1)
                        .http()
                        .get("/api/v1/services/deliveries/numbers")
                        .body(),
                "$.items[*].number");
        assertThat(pool).hasSize(MAX_NUMBERS).contains("+14155550100");
    }
}
