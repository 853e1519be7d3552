package org.callmask.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.callmask.support.CallbackVerifier;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.PlatformReceiver;
import org.callmask.support.PlatformReceiver.Received;
import org.callmask.support.PlatformReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events through the real path: a change through the API, its event written with it, the relay
 * delivering it to a real HTTP receiver on a loopback port, and the events API telling how it went.
 */
class EventDeliveryTests extends IntegrationTest {

    private static final String SERVICES = "/api/v1/services";
    private static final String COURIER = "+15559990001";
    private static final String CUSTOMER = "+15558002001";

    private PlatformReceiver platform;
    private String secret;

    @BeforeEach
    void startPlatform() {
        platform = PlatformReceiver.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private DocumentContext json(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return JsonPath.parse(response.body());
    }

    /** A service whose events go to the receiver's {@code /events}, with a pool of two numbers. */
    private void deliveries() {
        DocumentContext service = json(
                http.postJson(
                        SERVICES,
                        "{\"unique_name\": \"deliveries\", \"geo_match\": \"none\", \"callback_url\": \""
                                + platform.url("/events") + "\"}"),
                201);
        secret = service.read("$.callback_secret");
        json(
                http.postJson(SERVICES + "/deliveries/numbers", "{\"numbers\": [\"+15551230001\", \"+15551230002\"]}"),
                201);
    }

    private String openSession() {
        return json(
                        http.postJson(
                                SERVICES + "/deliveries/sessions",
                                "{\"participants\": [{\"number\": \"" + COURIER + "\"}, {\"number\": \"" + CUSTOMER
                                        + "\"}]}"),
                        201)
                .read("$.id");
    }

    private List<String> typesReceived() {
        return platform.received("/events").stream()
                .map(r -> JsonPath.parse(r.text()).<String>read("$.type"))
                .toList();
    }

    private DocumentContext onlyEvent() {
        DocumentContext page = json(http.get(SERVICES + "/deliveries/events"), 200);
        assertThat(page.<List<Object>>read("$.items")).hasSize(1);
        return JsonPath.parse(page.<Object>read("$.items[0]"));
    }

    @Test
    void deliversASignedEventThatTheReadmeVerificationAccepts() {
        deliveries();

        String session = openSession();

        await().until(() -> platform.received("/events").size() == 1);
        Received delivery = platform.received("/events").get(0);
        long now = clock.instant().getEpochSecond();
        assertThat(CallbackVerifier.verified(delivery.signature(), delivery.body(), secret, now))
                .isTrue();
        assertThat(CallbackVerifier.verified(delivery.signature(), delivery.body(), "another-secret", now))
                .isFalse();
        DocumentContext body = JsonPath.parse(delivery.text());
        assertThat(body.<String>read("$.id")).matches("evt_[0-9a-f]{32}");
        assertThat(body.<String>read("$.type")).isEqualTo("session.created");
        assertThat(body.<String>read("$.service_id")).startsWith("svc_");
        assertThat(Instant.parse(body.read("$.created_at"))).isEqualTo(clock.instant());
        assertThat(body.<String>read("$.data.session_id")).isEqualTo(session);
        assertThat(body.<List<String>>read("$.data.participants[*].participant_id"))
                .hasSize(2);
        // The platform learns who is in the session through the API, not from a callback.
        assertThat(delivery.text()).doesNotContain(COURIER).doesNotContain(CUSTOMER);
        await().until(() -> onlyEvent().<String>read("$.status").equals("delivered"));
        DocumentContext event = onlyEvent();
        assertThat(event.<Integer>read("$.attempts")).isEqualTo(1);
        assertThat(event.<String>read("$.next_attempt_at")).isNull();
        assertThat(event.<String>read("$.payload.id")).isEqualTo(body.read("$.id"));
    }

    @Test
    void deliversASessionsEventsOneAtATimeInTheOrderTheyHappened() {
        deliveries();
        AtomicInteger calls = new AtomicInteger();
        // The first delivery fails: everything after it in the session waits for its retry.
        platform.answer("/events", r -> Reply.status(calls.getAndIncrement() == 0 ? 500 : 200));
        String session = json(
                        http.postJson(
                                SERVICES + "/deliveries/sessions",
                                "{\"participants\": [{\"number\": \"" + COURIER + "\"}]}"),
                        201)
                .read("$.id");
        String added = json(
                        http.postJson(
                                SERVICES + "/deliveries/sessions/" + session + "/participants",
                                "{\"number\": \"" + CUSTOMER + "\"}"),
                        201)
                .read("$.id");
        assertThat(http.delete(SERVICES + "/deliveries/sessions/" + session + "/participants/" + added)
                        .status())
                .isEqualTo(204);
        assertThat(http.delete(SERVICES + "/deliveries/sessions/" + session).status())
                .isEqualTo(204);

        await().until(() -> platform.received("/events").size() == 1);
        await().during(Duration.ofMillis(300))
                .until(() -> platform.received("/events").size() == 1);
        clock.advance(Duration.ofSeconds(2));

        await().until(() -> platform.received("/events").size() == 5);
        assertThat(typesReceived())
                .containsExactly(
                        "session.created",
                        "session.created",
                        "participant.added",
                        "participant.removed",
                        "session.closed");
        assertThat(JsonPath.parse(platform.received("/events").get(4).text()).<String>read("$.data.closed_reason"))
                .isEqualTo("api");
    }

    @Test
    void retriesAFailingDeliveryWaitingAboutTwiceAsLongEachTime() {
        deliveries();
        platform.answer("/events", r -> Reply.status(503));
        openSession();

        for (int attempt = 1; attempt <= 3; attempt++) {
            int expected = attempt;
            await().until(() -> onlyEvent().<Integer>read("$.attempts") == expected
                    && onlyEvent().read("$.next_attempt_at") != null);
            DocumentContext event = onlyEvent();
            Duration wait = Duration.between(clock.instant(), Instant.parse(event.read("$.next_attempt_at")));
            long ceiling = 1000L << (attempt - 1);
            assertThat(wait.toMillis()).as("wait after attempt " + attempt).isBetween(ceiling / 2, ceiling);
            assertThat(event.<String>read("$.status")).isEqualTo("pending");
            assertThat(event.<String>read("$.last_error")).isEqualTo("HTTP 503");
            assertThat(platform.received("/events")).hasSize(attempt);
            clock.advance(wait);
        }
        await().until(() -> platform.received("/events").size() == 4);
        List<String> ids = platform.received("/events").stream()
                .map(r -> JsonPath.parse(r.text()).<String>read("$.id"))
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
    }

    @Test
    void retriesADeliveryTheReceiverDidNotAnswerInTime() {
        deliveries();
        AtomicInteger calls = new AtomicInteger();
        platform.answer("/events", r -> calls.getAndIncrement() == 0 ? Reply.after(2_000, 200) : Reply.status(200));
        openSession();

        await().until(() ->
                onlyEvent().<Integer>read("$.attempts") == 1 && onlyEvent().read("$.last_error") != null);
        assertThat(onlyEvent().<String>read("$.last_error")).startsWith("timeout");
        clock.advance(Duration.ofSeconds(1));

        await().until(() -> onlyEvent().<String>read("$.status").equals("delivered"));
        assertThat(onlyEvent().<Integer>read("$.attempts")).isEqualTo(2);
    }

    @Test
    void marksAnEventFailedOnceItsDayOfRetriesIsOverThenRedeliversItOnRequest() {
        deliveries();
        platform.answer("/events", r -> Reply.status(500));
        openSession();
        await().until(() ->
                onlyEvent().<Integer>read("$.attempts") == 1 && onlyEvent().read("$.last_error") != null);

        clock.advance(Duration.ofHours(24));
        await().until(() -> onlyEvent().<String>read("$.status").equals("failed"));

        DocumentContext failed = onlyEvent();
        assertThat(failed.<Integer>read("$.attempts")).isEqualTo(2);
        assertThat(failed.<String>read("$.last_error")).isEqualTo("HTTP 500");
        assertThat(json(http.get(SERVICES + "/deliveries/events?status=failed"), 200)
                        .<List<Object>>read("$.items"))
                .hasSize(1);
        assertThat(json(http.get(SERVICES + "/deliveries/events?status=pending"), 200)
                        .<List<Object>>read("$.items"))
                .isEmpty();

        platform.answer("/events", r -> Reply.status(204));
        DocumentContext redelivered =
                json(http.postJson(SERVICES + "/deliveries/events/" + failed.read("$.id") + "/redeliver", ""), 202);
        assertThat(redelivered.<String>read("$.status")).isIn("pending", "delivered");
        await().until(() -> onlyEvent().<String>read("$.status").equals("delivered"));
        assertThat(onlyEvent().<Integer>read("$.attempts")).isEqualTo(1);
        assertThat(platform.received("/events")).hasSize(3);
    }

    @Test
    void tellsThePlatformWhenThePoolRunsLowAndWhenItRunsOut() {
        json(
                http.postJson(
                        SERVICES,
                        "{\"unique_name\": \"deliveries\", \"geo_match\": \"none\", \"callback_url\": \""
                                + platform.url("/events") + "\"}"),
                201);
        json(http.postJson(SERVICES + "/deliveries/numbers", "{\"numbers\": [\"+15551230001\"]}"), 201);

        openSession();
        String again = "{\"participants\": [{\"number\": \"" + COURIER + "\"}]}";
        assertThat(http.postJson(SERVICES + "/deliveries/sessions", again).status())
                .isEqualTo(409);
        assertThat(http.postJson(SERVICES + "/deliveries/sessions", again).status())
                .isEqualTo(409);

        await().until(() -> platform.received("/events").size() >= 3);
        await().during(Duration.ofMillis(300))
                .until(() -> platform.received("/events").size() == 3);
        assertThat(typesReceived()).containsExactlyInAnyOrder("session.created", "pool.low", "pool.exhausted");
        for (Received r : platform.received("/events")) {
            DocumentContext body = JsonPath.parse(r.text());
            if (body.read("$.type").equals("pool.exhausted")) {
                assertThat(body.<String>read("$.data.constraint")).isEqualTo("all-numbers-paired");
            }
            if (body.read("$.type").equals("pool.low")) {
                assertThat(body.<Integer>read("$.data.numbers_with_room")).isEqualTo(1);
                assertThat(body.<Integer>read("$.data.most_held_by_one_participant"))
                        .isEqualTo(1);
                assertThat(body.<Double>read("$.data.low_watermark")).isEqualTo(0.1);
            }
        }
    }

    @Test
    void tellsOfMasksOpenedAndClosedThroughTheOriginalApi() {
        json(http.patchJson(SERVICES + "/default", "{\"callback_url\": \"" + platform.url("/events") + "\"}"), 200);
        poolOf(PROXY);

        assertThat(openMask(CLIENT, CONTRACTOR).status()).isEqualTo(200);
        assertThat(http.delete("/api/rest/numberMask/" + PROXY).status()).isEqualTo(200);

        await().until(() -> platform.received("/events").size() == 2);
        assertThat(typesReceived()).containsExactly("session.created", "session.closed");
        DocumentContext created =
                JsonPath.parse(platform.received("/events").get(0).text());
        assertThat(created.<List<String>>read("$.data.participants[*].proxy_number"))
                .containsExactly(PROXY, PROXY);
        assertThat(created.<String>read("$.data.session_id"))
                .isEqualTo(JsonPath.parse(platform.received("/events").get(1).text())
                        .read("$.data.session_id"));
        assertThat(platform.received("/events").get(0).text()).doesNotContain(CLIENT, CONTRACTOR);
    }

    @Test
    void keepsNoEventsForAServiceWithoutACallbackUrl() {
        json(http.postJson(SERVICES, "{\"unique_name\": \"deliveries\", \"geo_match\": \"none\"}"), 201);
        json(http.postJson(SERVICES + "/deliveries/numbers", "{\"numbers\": [\"+15551230001\"]}"), 201);

        openSession();

        assertThat(json(http.get(SERVICES + "/deliveries/events"), 200).<List<Object>>read("$.items"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void sendsASessionsEventsToItsOwnCallbackUrl() {
        deliveries();

        String session = json(
                        http.postJson(
                                SERVICES + "/deliveries/sessions",
                                "{\"callback_url\": \"" + platform.url("/orders/1234") + "\", \"participants\": "
                                        + "[{\"number\": \"" + COURIER + "\"}]}"),
                        201)
                .read("$.id");
        json(http.patchJson(SERVICES + "/deliveries/sessions/" + session, "{\"ttl\": 600}"), 200);

        await().until(() -> platform.received("/orders/1234").size() == 2);
        assertThat(platform.received("/events")).isEmpty();
        assertThat(JsonPath.parse(platform.received("/orders/1234").get(1).text())
                        .<String>read("$.type"))
                .isEqualTo("session.updated");
    }

    @Test
    void signsWithBothSecretsWhileARotationsGracePeriodLasts() {
        deliveries();
        String rotated = json(http.postJson(SERVICES + "/deliveries/callback_secret", "{\"grace_period\": 3600}"), 200)
                .read("$.callback_secret");

        openSession();

        await().until(() -> platform.received("/events").size() == 1);
        Received delivery = platform.received("/events").get(0);
        long now = clock.instant().getEpochSecond();
        assertThat(CallbackVerifier.verified(delivery.signature(), delivery.body(), secret, now))
                .isTrue();
        assertThat(CallbackVerifier.verified(delivery.signature(), delivery.body(), rotated, now))
                .isTrue();
        clock.advance(Duration.ofHours(2));
        openAnother();
        await().until(() -> platform.received("/events").size() == 2);
        Received later = platform.received("/events").get(1);
        long then = clock.instant().getEpochSecond();
        assertThat(CallbackVerifier.verified(later.signature(), later.body(), rotated, then))
                .isTrue();
        assertThat(CallbackVerifier.verified(later.signature(), later.body(), secret, then))
                .isFalse();
    }

    private void openAnother() {
        json(
                http.postJson(
                        SERVICES + "/deliveries/sessions", "{\"participants\": [{\"number\": \"+15557770000\"}]}"),
                201);
    }

    @Test
    void answersTheEventsApiWithProblemsForBadInput() {
        deliveries();

        assertThat(http.get(SERVICES + "/deliveries/events?status=lost").status())
                .isEqualTo(400);
        assertThat(http.get(SERVICES + "/deliveries/events/evt_00000000000000000000000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(http.get(SERVICES + "/deliveries/events/not-an-id").status()).isEqualTo(404);
        assertThat(http.postJson(SERVICES + "/deliveries/events/evt_00000000000000000000000000000000/redeliver", "")
                        .status())
                .isEqualTo(404);
        assertThat(http.get(SERVICES + "/nobody/events").status()).isEqualTo(404);
    }
}
