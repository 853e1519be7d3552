package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.created;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.noContent;
import static org.callmask.api.v1.V1Client.numberPath;
import static org.callmask.api.v1.V1Client.numbersPath;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.sessionPath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NumbersApiTests extends IntegrationTest {

    private static final String SF = "+14155550100";
    private static final String LONDON = "+447700900123";

    private V1Client api;
    private String service;

    @BeforeEach
    void aService() {
        api = new V1Client(http);
        service = api.service("deliveries");
    }

    @Test
    void addsNumbersGivenAsTextOrAsObjectsWithTheirOwnAttributes() {
        DocumentContext added = created(api.post(numbersPath(service), """
                {"numbers": ["+15551230001",
                             {"number": "+15551230002", "capabilities": ["sms", "voice"], "reserved": true,
                              "capacity": 3}]}
                """));

        assertThat(added.<List<String>>read("$.items[*].number")).containsExactly("+15551230001", "+15551230002");
        assertThat(added.<String>read("$.next_page_token")).isNull();
        assertThat(added.<String>read("$.items[0].id")).matches("num_[0-9a-f]{32}");
        assertThat(added.<String>read("$.items[0].service_id")).isEqualTo(service);
        assertThat(added.<List<String>>read("$.items[0].capabilities")).containsExactly("voice", "sms", "mms");
        assertThat(added.<Boolean>read("$.items[0].reserved")).isFalse();
        assertThat(added.<Integer>read("$.items[0].capacity")).isNull();
        assertThat(added.<Integer>read("$.items[0].in_use")).isZero();
        assertThat(Instant.parse(added.read("$.items[0].created_at"))).isEqualTo(clock.instant());
        assertThat(added.<List<String>>read("$.items[1].capabilities")).containsExactly("voice", "sms");
        assertThat(added.<Boolean>read("$.items[1].reserved")).isTrue();
        assertThat(added.<Integer>read("$.items[1].capacity")).isEqualTo(3);
        assertThat(ok(api.get(numbersPath(service))).<List<String>>read("$.items[*].number"))
                .containsExactly("+15551230001", "+15551230002");
    }

    @Test
    void takesTheCountryAndAreaCodeFromTheNumber() {
        DocumentContext added = api.numbers(service, SF, LONDON);

        assertThat(added.<String>read("$.items[0].country")).isEqualTo("US");
        assertThat(added.<String>read("$.items[0].area_code")).isEqualTo("415");
        assertThat(added.<String>read("$.items[1].country")).isEqualTo("GB");
        assertThat(added.<String>read("$.items[1].area_code")).isNull();
    }

    @Test
    void addsNothingWhenOneEntryIsInvalidAndNamesTheEntry() {
        List<String> fields = invalid(api.post(numbersPath(service), """
                {"numbers": ["+15551230001", "not a number", {"number": "+15551230002", "capabilities": ["fax"]},
                             {"capacity": 0}, 7]}
                """));

        assertThat(fields)
                .containsExactly(
                        "numbers[1]",
                        "numbers[2].capabilities",
                        "numbers[3].number",
                        "numbers[3].capacity",
                        "numbers[4]");
        assertThat(ok(api.get(numbersPath(service))).<List<Object>>read("$.items"))
                .isEmpty();
        assertThat(invalid(api.post(numbersPath(service), "{\"numbers\": []}"))).containsExactly("numbers");
        assertThat(invalid(api.post(numbersPath(service), "{\"numbers\": \"+15551230001\"}")))
                .containsExactly("numbers");
    }

    @Test
    void leavesANumberAlreadyInThePoolAsItIs() {
        api.numberEntries(service, "{\"number\": \"+15551230001\", \"reserved\": true}");

        DocumentContext again = api.numberEntries(service, "{\"number\": \"+15551230001\", \"capacity\": 1}");

        assertThat(again.<Boolean>read("$.items[0].reserved")).isTrue();
        assertThat(again.<Integer>read("$.items[0].capacity")).isNull();
        assertThat(ok(api.get(numbersPath(service))).<List<Object>>read("$.items"))
                .hasSize(1);
    }

    @Test
    void refusesANumberOfAnotherServicesPoolAndAddsNoneOfTheRequest() {
        String other = api.service("rides");
        api.numbers(other, "+15551230001");

        problem(
                api.post(numbersPath(service), "{\"numbers\": [\"+15551230002\", \"+15551230001\"]}"),
                409,
                "number-in-another-service");

        assertThat(ok(api.get(numbersPath(service))).<List<Object>>read("$.items"))
                .isEmpty();
        assertThat(ok(api.get(numbersPath(other))).<List<String>>read("$.items[*].service_id"))
                .containsExactly(other);
    }

    @Test
    void refusesTheNumberOfAParticipantInAnActiveSession() {
        api.numbers(service, "+15551230001");
        DocumentContext session = api.sessionBetween(service, "+15559990001", "+15559990002");

        assertThat(invalid(api.post(numbersPath(service), "{\"numbers\": [\"+15559990002\"]}")))
                .containsExactly("numbers");
        assertThat(ok(api.get(numbersPath(service))).<List<String>>read("$.items[*].number"))
                .containsExactly("+15551230001");

        noContent(api.delete(sessionPath(service, session.read("$.id"))));
        assertThat(api.numbers(service, "+15559990002").<String>read("$.items[0].number"))
                .isEqualTo("+15559990002");
    }

    @Test
    void reservesAndLimitsANumberAndNullCapacityMeansNoLimit() {
        String id = api.numbers(service, "+15551230001").read("$.items[0].id");
        clock.advance(Duration.ofSeconds(5));

        DocumentContext limited = ok(api.patch(numberPath(service, id), "{\"reserved\": true, \"capacity\": 2}"));

        assertThat(limited.<Boolean>read("$.reserved")).isTrue();
        assertThat(limited.<Integer>read("$.capacity")).isEqualTo(2);
        assertThat(Instant.parse(limited.read("$.updated_at"))).isEqualTo(clock.instant());

        DocumentContext unlimited = ok(api.patch(numberPath(service, "+15551230001"), "{\"capacity\": null}"));

        assertThat(unlimited.<Integer>read("$.capacity")).isNull();
        assertThat(unlimited.<Boolean>read("$.reserved")).isTrue();
        assertThat(ok(api.patch(numberPath(service, id), "{\"reserved\": false}"))
                        .<Boolean>read("$.reserved"))
                .isFalse();
        assertThat(invalid(api.patch(
                        numberPath(service, id), "{\"reserved\": null, \"capacity\": 0, \"colour\": \"red\"}")))
                .containsExactlyInAnyOrder("reserved", "capacity", "colour");
        problem(api.patch(numberPath(service, "+15551239999"), "{\"reserved\": true}"), 404, "not-found");
    }

    @Test
    void findsANumberByItsIdAndByTheNumberButNotThroughAnotherService() {
        DocumentContext added = api.numbers(service, SF);
        String id = added.read("$.items[0].id");
        String other = api.service("rides");

        DocumentContext byId = ok(api.get(numberPath(service, id)));
        DocumentContext byNumber = ok(api.get(numberPath(service, SF)));

        assertThat(byId.jsonString()).isEqualTo(byNumber.jsonString());
        assertThat(byId.<String>read("$.id")).isEqualTo(id);
        assertThat(byId.<String>read("$.number")).isEqualTo(SF);
        problem(api.get(numberPath(other, id)), 404, "not-found");
        problem(api.get(numberPath(other, SF)), 404, "not-found");
        problem(api.get(numberPath(service, "+15551239999")), 404, "not-found");
        problem(api.get(numberPath(service, "num_00000000000000000000000000000000")), 404, "not-found");
    }

    @Test
    void listsNumbersAPageAtATimeInTheOrderTheyWereAdded() {
        for (int i = 1; i <= 5; i++) {
            api.numbers(service, "+1555123000" + i);
            clock.advance(Duration.ofSeconds(1));
        }

        List<DocumentContext> all = api.walk(numbersPath(service), 2);

        assertThat(V1Client.<String>each(all, "$.number"))
                .containsExactly("+15551230001", "+15551230002", "+15551230003", "+15551230004", "+15551230005");
        assertThat(invalid(api.get(numbersPath(service) + "?page_size=600"))).containsExactly("page_size");
    }

    @Test
    void countsTheActiveRoutesOfANumberAsInUse() {
        api.numbers(service, "+15551230001");

        api.sessionBetween(service, "+15559990001", "+15559990002");

        assertThat(ok(api.get(numberPath(service, "+15551230001"))).<Integer>read("$.in_use"))
                .isEqualTo(2);
    }

    @Test
    void refusesToRemoveANumberInUseUnlessForcedWhichClosesItsSessions() {
        api.numbers(service, "+15551230001", "+15551230002");
        DocumentContext session = api.session(
                service,
                "{\"participants\": [{\"number\": \"+15559990001\", \"proxy_number\": \"+15551230001\"},"
                        + " {\"number\": \"+15559990002\", \"proxy_number\": \"+15551230002\"}]}");

        DocumentContext refused = problem(api.delete(numberPath(service, "+15551230001")), 409, "number-in-use");
        assertThat(refused.<Integer>read("$.active_sessions")).isEqualTo(1);
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("open");
        assertThat(invalid(api.delete(numberPath(service, "+15551230001") + "?force=yes")))
                .containsExactly("force");

        noContent(api.delete(numberPath(service, "+15551230001") + "?force=true"));

        DocumentContext closed = api.session(service, session);
        assertThat(closed.<String>read("$.status")).isEqualTo("closed");
        assertThat(closed.<String>read("$.closed_reason")).isEqualTo("number-removed");
        assertThat(Instant.parse(closed.read("$.closed_at"))).isEqualTo(clock.instant());
        problem(api.get(numberPath(service, "+15551230001")), 404, "not-found");
        assertThat(ok(api.get(numberPath(service, "+15551230002"))).<Integer>read("$.in_use"))
                .isZero();
        problem(api.delete(numberPath(service, "+15551230001")), 404, "not-found");
    }

    @Test
    void removesANumberNoSessionUses() {
        api.numbers(service, "+15551230001", "+15551230002");

        noContent(api.delete(numberPath(service, "+15551230002")));

        assertThat(ok(api.get(numbersPath(service))).<List<String>>read("$.items[*].number"))
                .containsExactly("+15551230001");
    }
}
