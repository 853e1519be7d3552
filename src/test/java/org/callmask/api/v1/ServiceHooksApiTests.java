package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.BASE;
import static org.callmask.api.v1.V1Client.created;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.servicePath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceHooksApiTests extends IntegrationTest {

    private V1Client api;

    @BeforeEach
    void client() {
        api = new V1Client(http);
    }

    @Test
    void showsTheCallbackSecretOnlyWhenTheServiceIsCreated() {
        DocumentContext service = created(api.post(BASE, """
                {"unique_name": "hooked", "callback_url": "https://platform.example.com/events",
                 "intercept_url": "https://platform.example.com/intercept", "intercept_on_failure": "deny",
                 "grace_period": 3600}
                """));

        assertThat(service.<String>read("$.callback_secret")).matches("[0-9a-f]{64}");
        assertThat(service.<String>read("$.callback_url")).isEqualTo("https://platform.example.com/events");
        assertThat(service.<String>read("$.intercept_url")).isEqualTo("https://platform.example.com/intercept");
        assertThat(service.<String>read("$.intercept_on_failure")).isEqualTo("deny");
        assertThat(service.<Integer>read("$.grace_period")).isEqualTo(3600);
        DocumentContext read = ok(api.get(servicePath("hooked")));
        assertThat(read.jsonString())
                .doesNotContain("callback_secret")
                .doesNotContain(service.<String>read("$.callback_secret"));
        assertThat(read.<String>read("$.callback_url")).isEqualTo("https://platform.example.com/events");
    }

    @Test
    void defaultsToNoHooksFailingOpenWithADayOfGrace() {
        DocumentContext service = created(api.post(BASE, "{\"unique_name\": \"plain\"}"));

        assertThat(service.<String>read("$.callback_url")).isNull();
        assertThat(service.<String>read("$.intercept_url")).isNull();
        assertThat(service.<String>read("$.intercept_on_failure")).isEqualTo("allow");
        assertThat(service.<Integer>read("$.grace_period")).isEqualTo(86_400);
    }

    @Test
    void rotatingGivesANewSecretAndSaysUntilWhenTheOldOneSigns() {
        String first =
                created(api.post(BASE, "{\"unique_name\": \"rotating\"}")).read("$.callback_secret");

        DocumentContext rotated = ok(api.post(servicePath("rotating") + "/callback_secret", "{\"grace_period\": 600}"));

        assertThat(rotated.<String>read("$.callback_secret"))
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(first);
        assertThat(Instant.parse(rotated.read("$.previous_secret_valid_until")))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(invalid(api.post(servicePath("rotating") + "/callback_secret", "{\"grace_period\": 604801}")))
                .containsExactly("grace_period");
        problem(api.post(servicePath("no-such-service") + "/callback_secret", "{}"), 404, "not-found");
    }

    @Test
    void clearsAUrlSentAsNullAndKeepsOneNotSent() {
        created(api.post(BASE, """
                {"unique_name": "clearing", "callback_url": "https://platform.example.com/events",
                 "intercept_url": "https://platform.example.com/intercept"}
                """));

        DocumentContext changed = ok(api.patch(servicePath("clearing"), "{\"intercept_url\": null}"));

        assertThat(changed.<String>read("$.intercept_url")).isNull();
        assertThat(changed.<String>read("$.callback_url")).isEqualTo("https://platform.example.com/events");
        assertThat(changed.jsonString()).doesNotContain("callback_secret");
    }

    @Test
    void givesTheBuiltInServiceItsFirstSecretWhenItFirstGetsACallbackUrl() {
        DocumentContext first =
                ok(api.patch(servicePath("default"), "{\"callback_url\": \"https://platform.example.com/e\"}"));
        DocumentContext second =
                ok(api.patch(servicePath("default"), "{\"callback_url\": \"https://platform.example.com/f\"}"));

        assertThat(first.<String>read("$.callback_secret")).matches("[0-9a-f]{64}");
        assertThat(second.jsonString()).doesNotContain("callback_secret");
    }

    @Test
    void refusesUrlsThatAreNotPlainAbsoluteHttpUrls() {
        assertThat(invalid(api.post(BASE, """
                {"unique_name": "bad-urls", "callback_url": "ftp://platform.example.com/events",
                 "intercept_url": "https://user:secret@platform.example.com/", "intercept_on_failure": "maybe",
                 "grace_period": -1}
                """)))
                .containsExactlyInAnyOrder("callback_url", "intercept_url", "intercept_on_failure", "grace_period");
        assertThat(invalid(api.post(BASE, "{\"unique_name\": \"bad-urls\", \"callback_url\": \"/events\"}")))
                .containsExactly("callback_url");
        problem(api.get(servicePath("bad-urls")), 404, "not-found");
    }

    @Test
    void keepsAnOutOfSessionCallbackWithItsFallback() {
        DocumentContext service = created(api.post(BASE, """
                {"unique_name": "asking",
                 "out_of_session": {
                   "call": {"action": "callback", "url": "https://platform.example.com/oos",
                            "fallback": {"action": "forward", "to": "+15550001111"}},
                   "message": {"action": "callback", "url": "https://platform.example.com/oos"}}}
                """));

        assertThat(service.<Map<String, Object>>read("$.out_of_session.call"))
                .isEqualTo(Map.of(
                        "action",
                        "callback",
                        "url",
                        "https://platform.example.com/oos",
                        "fallback",
                        Map.of("action", "forward", "to", "+15550001111")));
        assertThat(service.<Map<String, Object>>read("$.out_of_session.message.fallback"))
                .isEqualTo(Map.of("action", "drop"));
        assertThat(ok(api.get(servicePath("asking"))).<String>read("$.out_of_session.call.fallback.to"))
                .isEqualTo("+15550001111");
    }

    @Test
    void refusesACallbackWithoutAUrlOrWithAnotherCallbackAsItsFallback() {
        assertThat(invalid(api.post(BASE, """
                {"unique_name": "loops",
                 "out_of_session": {
                   "call": {"action": "callback", "fallback": {"action": "callback", "url": "https://a.example/"}},
                   "message": {"action": "reply", "text": "Ended.", "url": "https://a.example/"}}}
                """)))
                .containsExactlyInAnyOrder(
                        "out_of_session.call.url",
                        "out_of_session.call.fallback.url",
                        "out_of_session.call.fallback.action",
                        "out_of_session.message.url");
    }
}
