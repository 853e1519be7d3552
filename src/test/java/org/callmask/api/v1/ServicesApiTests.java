package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.BASE;
import static org.callmask.api.v1.V1Client.created;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.noContent;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.servicePath;
import static org.callmask.api.v1.V1Client.sessionPath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServicesApiTests extends IntegrationTest {

    private V1Client api;

    @BeforeEach
    void client() {
        api = new V1Client(http);
    }

    @Test
    void createsAServiceWithARandomIdAndTheDocumentedDefaults() {
        DocumentContext service = created(api.post(BASE, "{\"unique_name\": \"deliveries\"}"));

        assertThat(service.<String>read("$.id")).matches("svc_[0-9a-f]{32}");
        assertThat(service.<String>read("$.unique_name")).isEqualTo("deliveries");
        assertThat(service.<Integer>read("$.default_ttl")).isEqualTo(86_400);
        assertThat(service.<String>read("$.geo_match")).isEqualTo("country");
        assertThat(service.<String>read("$.number_selection")).isEqualTo("prefer-sticky");
        assertThat(service.<Integer>read("$.cool_off")).isZero();
        assertThat(service.<Map<String, Object>>read("$.out_of_session.call")).isEqualTo(Map.of("action", "announce"));
        assertThat(service.<Map<String, Object>>read("$.out_of_session.message"))
                .isEqualTo(Map.of("action", "drop"));
        assertThat(service.<Boolean>read("$.voice.record")).isFalse();
        assertThat(service.<Integer>read("$.voice.ring_timeout")).isEqualTo(30);
        assertThat(service.<Integer>read("$.voice.max_duration")).isEqualTo(14_400);
        assertThat(service.<String>read("$.voice.whisper")).isNull();
        assertThat(service.<Boolean>read("$.voice.answer_on_bridge")).isTrue();
        assertThat(service.<String>read("$.created_at")).endsWith("Z");
        assertThat(Instant.parse(service.read("$.created_at"))).isEqualTo(clock.instant());
        assertThat(Instant.parse(service.read("$.updated_at"))).isEqualTo(clock.instant());
    }

    @Test
    void createsAServiceWithEverySettingGiven() {
        DocumentContext service = created(api.post(BASE, """
                {"unique_name": "rides", "default_ttl": 0, "geo_match": "area-code",
                 "number_selection": "avoid-sticky", "cool_off": 600,
                 "out_of_session": {"call": {"action": "forward", "to": "+15550001111"},
                                    "message": {"action": "reply", "text": "This ride has ended."}},
                 "voice": {"record": true, "ring_timeout": 20, "max_duration": 600,
                           "whisper": "A call about your ride", "answer_on_bridge": false}}
                """));

        assertThat(service.<Integer>read("$.default_ttl")).isZero();
        assertThat(service.<String>read("$.geo_match")).isEqualTo("area-code");
        assertThat(service.<String>read("$.number_selection")).isEqualTo("avoid-sticky");
        assertThat(service.<Integer>read("$.cool_off")).isEqualTo(600);
        assertThat(service.<Map<String, Object>>read("$.out_of_session.call"))
                .isEqualTo(Map.of("action", "forward", "to", "+15550001111"));
        assertThat(service.<Map<String, Object>>read("$.out_of_session.message"))
                .isEqualTo(Map.of("action", "reply", "text", "This ride has ended."));
        assertThat(service.<Map<String, Object>>read("$.voice"))
                .isEqualTo(Map.of(
                        "record",
                        true,
                        "ring_timeout",
                        20,
                        "max_duration",
                        600,
                        "whisper",
                        "A call about your ride",
                        "answer_on_bridge",
                        false));
        assertThat(service.<String>read("$.callback_secret")).matches("[0-9a-f]{64}");
        assertThat(ok(api.get(servicePath("rides"))).jsonString())
                .isEqualTo(service.delete("$.callback_secret").jsonString());
    }

    @Test
    void findsAServiceByItsIdAndByItsUniqueName() {
        DocumentContext created =
                created(api.post(BASE, "{\"unique_name\": \"groceries\"}")).delete("$.callback_secret");
        String id = created.read("$.id");

        DocumentContext byId = ok(api.get(servicePath(id)));
        DocumentContext byName = ok(api.get(servicePath("groceries")));

        assertThat(byId.jsonString()).isEqualTo(created.jsonString());
        assertThat(byName.jsonString()).isEqualTo(created.jsonString());
        problem(api.get(servicePath("no-such-service")), 404, "not-found");
        problem(api.get(servicePath("svc_00000000000000000000000000000000")), 404, "not-found");
    }

    @Test
    void listsServicesTwoAtATimeWithTokensThatWalkEveryServiceOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(api.service("tenant-" + i));
            clock.advance(Duration.ofSeconds(1));
        }

        DocumentContext first = ok(api.get(BASE + "?page_size=2"));
        List<DocumentContext> all = api.walk(BASE, 2);

        assertThat(first.<List<String>>read("$.items[*].id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.<String>read("$.next_page_token")).isNotBlank();
        List<String> walked = V1Client.each(all, "$.id");
        assertThat(new HashSet<>(walked)).hasSameSizeAs(walked);
        // The built-in service is listed too, by when it was created: before or after the tenants.
        assertThat(walked.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
        assertThat(V1Client.<String>each(all, "$.unique_name")).contains("default");
        assertThat(walked).hasSize(6);
    }

    @Test
    void refusesAPageSizeOutOfRangeOrAForeignPageTokenNamingTheParameter() {
        for (String size : new String[] {"0", "501", "-1", "two", ""}) {
            assertThat(invalid(api.get(BASE + "?page_size=" + size)))
                    .as("page_size=" + size)
                    .containsExactly("page_size");
        }
        for (String token : new String[] {"garbage", "!!!", "MTIz"}) {
            assertThat(invalid(api.get(BASE + "?page_token=" + token)))
                    .as("page_token=" + token)
                    .containsExactly("page_token");
        }
        assertThat(ok(api.get(BASE + "?page_size=500")).<List<Object>>read("$.items"))
                .isNotEmpty();
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndMergesNestedObjects() {
        String id = created(api.post(BASE, """
                        {"unique_name": "florists", "cool_off": 60,
                         "out_of_session": {"call": {"action": "announce", "message": "This order is closed."},
                                            "message": {"action": "reply", "text": "Closed."}},
                         "voice": {"record": true, "ring_timeout": 20, "max_duration": 900, "whisper": "Florist call"}}
                        """)).read("$.id");
        clock.advance(Duration.ofMinutes(1));

        DocumentContext changed = ok(api.patch(servicePath(id), "{\"voice\": {\"ring_timeout\": 45}}"));

        assertThat(changed.<Map<String, Object>>read("$.voice"))
                .isEqualTo(Map.of(
                        "record",
                        true,
                        "ring_timeout",
                        45,
                        "max_duration",
                        900,
                        "whisper",
                        "Florist call",
                        "answer_on_bridge",
                        true));
        assertThat(changed.<Integer>read("$.cool_off")).isEqualTo(60);
        assertThat(changed.<String>read("$.unique_name")).isEqualTo("florists");
        assertThat(changed.<Map<String, Object>>read("$.out_of_session.call"))
                .isEqualTo(Map.of("action", "announce", "message", "This order is closed."));
        assertThat(Instant.parse(changed.read("$.updated_at"))).isEqualTo(clock.instant());
        assertThat(Instant.parse(changed.read("$.created_at")))
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));

        DocumentContext message = ok(api.patch(
                servicePath(id), "{\"out_of_session\": {\"message\": {\"action\": \"drop\"}}, \"cool_off\": 0}"));

        assertThat(message.<Map<String, Object>>read("$.out_of_session.call"))
                .isEqualTo(Map.of("action", "announce", "message", "This order is closed."));
        assertThat(message.<Map<String, Object>>read("$.out_of_session.message"))
                .isEqualTo(Map.of("action", "drop"));
        assertThat(message.<Integer>read("$.cool_off")).isZero();
        assertThat(message.<Integer>read("$.voice.ring_timeout")).isEqualTo(45);
        assertThat(ok(api.get(servicePath(id))).jsonString()).isEqualTo(message.jsonString());
    }

    @Test
    void refusesANameAnotherServiceHasWhenCreatingOrRenaming() {
        api.service("couriers");
        String other = api.service("movers");

        problem(api.post(BASE, "{\"unique_name\": \"couriers\"}"), 409, "service-name-taken");
        problem(api.post(BASE, "{\"unique_name\": \"default\"}"), 409, "service-name-taken");
        problem(api.patch(servicePath(other), "{\"unique_name\": \"couriers\"}"), 409, "service-name-taken");
        assertThat(ok(api.get(servicePath(other))).<String>read("$.unique_name"))
                .isEqualTo("movers");
        assertThat(ok(api.patch(servicePath(other), "{\"unique_name\": \"movers-2\"}"))
                        .<String>read("$.unique_name"))
                .isEqualTo("movers-2");
        problem(api.get(servicePath("movers")), 404, "not-found");
    }

    @Test
    void listsEveryInvalidFieldAtOnceAndCreatesNothing() {
        List<String> fields = invalid(api.post(BASE, """
                {"unique_name": "plumbers", "colour": "red", "geo_match": "planet", "cool_off": -1,
                 "out_of_session": {"call": {"action": "forward"}}}
                """));

        assertThat(fields).containsExactlyInAnyOrder("colour", "geo_match", "cool_off", "out_of_session.call.to");
        problem(api.get(servicePath("plumbers")), 404, "not-found");
    }

    @Test
    void refusesToForwardOutOfSessionCallsToAPoolNumber() {
        String owner = api.service("owner");
        api.numbers(owner, "+15551230003");
        String forward = "{\"out_of_session\": {\"call\": {\"action\": \"forward\", \"to\": \"+15551230003\"}}";

        assertThat(invalid(api.post(BASE, forward + ", \"unique_name\": \"forwarder\"}")))
                .containsExactly("out_of_session.call.to");
        assertThat(invalid(api.patch(servicePath(owner), forward + "}"))).containsExactly("out_of_session.call.to");
        problem(api.get(servicePath("forwarder")), 404, "not-found");
    }

    @Test
    void namesNestedFieldsByTheirPathWhenChanging() {
        String id = api.service("electricians");

        List<String> fields = invalid(api.patch(servicePath(id), """
                {"unique_name": null, "voice": {"ring_timeout": 1, "loud": true},
                 "out_of_session": {"message": {"action": "shout"}}, "number_selection": 3}
                """));

        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "unique_name",
                        "voice.loud",
                        "voice.ring_timeout",
                        "out_of_session.message.action",
                        "number_selection");
        assertThat(invalid(api.post(BASE, "{}"))).containsExactly("unique_name");
        assertThat(invalid(api.post(BASE, "[]"))).containsExactly("");
        assertThat(invalid(api.post(BASE, "{\"unique_name\": \"-starts-with-a-dash\"}")))
                .containsExactly("unique_name");
    }

    @Test
    void keepsTheBuiltInServiceFromBeingRenamedOrDeleted() {
        problem(api.patch(servicePath("default"), "{\"unique_name\": \"legacy\"}"), 409, "built-in-service");
        problem(api.delete(servicePath("default")), 409, "built-in-service");

        DocumentContext builtIn = ok(api.get(servicePath("default")));
        assertThat(builtIn.<String>read("$.unique_name")).isEqualTo("default");
        // Its settings may change; only its name and existence are fixed.
        assertThat(ok(api.patch(servicePath("default"), "{\"cool_off\": 30}")).<Integer>read("$.cool_off"))
                .isEqualTo(30);
        // Through the API, so that no cached copy of the old settings outlives this test.
        ok(api.patch(servicePath("default"), "{\"cool_off\": 0}"));
    }

    @Test
    void refusesToDeleteAServiceWithOpenSessionsThenDeletesItOnceTheyAreClosed() {
        String id = api.service("cleaners");
        api.numbers(id, "+15551230001");
        DocumentContext session = api.sessionBetween(id, "+15559990001", "+15559990002");

        problem(api.delete(servicePath(id)), 409, "service-has-open-sessions");
        assertThat(ok(api.get(servicePath(id))).<String>read("$.id")).isEqualTo(id);

        noContent(api.delete(sessionPath(id, session.read("$.id"))));
        noContent(api.delete(servicePath(id)));

        problem(api.get(servicePath(id)), 404, "not-found");
        problem(api.get(servicePath("cleaners")), 404, "not-found");
        problem(api.delete(servicePath(id)), 404, "not-found");
        assertThat(V1Client.<String>each(api.walk(BASE, 50), "$.id")).doesNotContain(id);
        // Its numbers left with it, so another service may take them.
        String next = api.service("cleaners");
        assertThat(api.numbers(next, "+15551230001").<String>read("$.items[0].service_id"))
                .isEqualTo(next);
    }

    @Test
    void deletesAServiceWhoseOnlySessionsHavePassedTheirEnd() {
        String id = api.service("window-cleaners");
        api.numbers(id, "+15551230002");
        api.session(id, "{\"ttl\": 60, \"participants\": " + V1Client.participants("+15559990003") + "}");

        problem(api.delete(servicePath(id)), 409, "service-has-open-sessions");
        clock.advance(Duration.ofSeconds(61));

        noContent(api.delete(servicePath(id)));
    }
}
