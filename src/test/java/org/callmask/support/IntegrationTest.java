package org.callmask.support;

import java.time.Duration;
import org.callmask.interaction.InteractionLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every test that goes through HTTP and the database: the whole service on a random
 * port, against the store {@link TestStore#current()} names, with a clock the test moves. Each
 * test starts on empty tables. The schedules of the sweeper and of PostgreSQL's upkeep (the pool
 * vacuum, the outbox analysis) are pushed out of the way; tests that need them call them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Tests reset the service table by SQL between tests, behind the service cache's back; their
        // receivers of CallMask's own requests listen on loopback ports.
        properties = {
            "callmask.session.sweep-interval=1h",
            "callmask.pool.vacuum-interval=1h",
            "callmask.events.analyze-interval=1h",
            "callmask.services.cache=0s",
            "callmask.callbacks.allow-private-networks=true",
            // Deliveries are looked for often and given up on soon, so event tests run in seconds.
            "callmask.events.poll=50ms",
            "callmask.events.timeout=1s",
            // Each cached test context keeps its pool: connections open on demand and idle ones
            // close, so the contexts together stay under PostgreSQL's max_connections.
            "spring.datasource.hikari.minimum-idle=1",
            "spring.datasource.hikari.idle-timeout=10000"
        })
@Import(TestClockConfiguration.class)
@Tag("store")
public abstract class IntegrationTest {

    @BeforeAll
    static void storeIsReachable() {
        TestStore.current().assumeReachable();
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.registerCurrent(registry);
    }

    /** The client of the mask {@link #aMaskBetweenClientAndContractor()} opens. */
    protected static final String CLIENT = "+15559990000";
    /** Its contractor. */
    protected static final String CONTRACTOR = "+15558001234";
    /** The pool number it is opened on. */
    protected static final String PROXY = "+15551231111";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpTestClient http;

    @Autowired
    private InteractionLog interactions;

    @BeforeEach
    void startFromEmptyTables() {
        // The last test's webhooks may have answered before their records were committed.
        interactions.awaitRecorded(Duration.ofSeconds(5));
        clock.reset();
        jdbc.sql("DELETE FROM outbox_event").update();
        jdbc.sql("DELETE FROM interaction").update();
        jdbc.sql("DELETE FROM participant").update();
        jdbc.sql("DELETE FROM session").update();
        jdbc.sql("DELETE FROM pool_number").update();
        jdbc.sql("DELETE FROM number_purchase").update();
        jdbc.sql("DELETE FROM service WHERE unique_name <> 'default'").update();
        jdbc.sql("""
                        UPDATE service
                        SET default_ttl = 86400, geo_match = 'none', number_selection = 'prefer-sticky',
                            cool_off = 0, out_of_session = '{}', voice = '{}', deleted_at = NULL,
                            callback_url = NULL, intercept_url = NULL, intercept_on_failure = 'allow',
                            grace_period = 86400, pool_low_since = NULL, auto_buy = NULL
                        WHERE unique_name = 'default'
                        """).update();
        http = new HttpTestClient(port);
    }

    /** Adds numbers to the pool through the API. */
    protected void poolOf(String... numbers) {
        var response =
                http.postJson("/api/rest/numberPool", "{\"phone_numbers\": \"" + String.join(",", numbers) + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("Adding pool numbers failed: " + response);
        }
    }

    /** A pool of one number and a mask between {@link #CLIENT} and {@link #CONTRACTOR} on it. */
    protected void aMaskBetweenClientAndContractor() {
        poolOf(PROXY);
        openMask(CLIENT, CONTRACTOR);
    }

    /** Opens a mask through the API and returns its JSON. */
    protected HttpTestClient.Response openMask(String client, String contractor) {
        return http.postJson(
                "/api/rest/numberMask",
                "{\"client_number\": \"" + client + "\", \"contractor_number\": \"" + contractor + "\"}");
    }

    protected static String callBody(String from, String to) {
        return "{\"call\":{\"call_id\":\"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0\",\"call_state\":\"created\","
                + "\"direction\":\"inbound\",\"type\":\"phone\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"from_number\":\"" + from + "\",\"to_number\":\"" + to + "\"},\"vars\":{}}";
    }
}
