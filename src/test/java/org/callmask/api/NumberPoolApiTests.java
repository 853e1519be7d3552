package org.callmask.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class NumberPoolApiTests extends IntegrationTest {

    private static final String POOL = "/api/rest/numberPool";

    @Test
    void addsCommaSeparatedNumbersAsTheReadmeShows() {
        var added = http.postJson(POOL, """
                {
                    "phone_numbers": "+15551231111,+15551232222"
                }""");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).isEqualTo("OK");
        var listed = http.get(POOL);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.contentType()).startsWith("application/json");
        assertThat(listed.body())
                .isEqualTo(
                        "[{\"phone_number\":\"+15551231111\",\"in_use\":0},{\"phone_number\":\"+15551232222\",\"in_use\":0}]");
    }

    @Test
    void acceptsAJsonArrayAndSpacesAroundNumbers() {
        var added = http.postJson(POOL, "{\"phone_numbers\": [\" +15551231111 \", \"+447700900123\"]}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(http.get(POOL).body()).contains("\"+15551231111\"", "\"+447700900123\"");
    }

    @Test
    void skipsNumbersAlreadyInThePool() {
        poolOf("+15551231111");

        var again = http.postJson(POOL, "{\"phone_numbers\": \"+15551231111, +15551232222, +15551232222\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(http.get(POOL).body())
                .isEqualTo(
                        "[{\"phone_number\":\"+15551231111\",\"in_use\":0},{\"phone_number\":\"+15551232222\",\"in_use\":0}]");
    }

    @Test
    void rejectsTheWholeRequestWhenOneNumberIsInvalid() {
        var refused = http.postJson(POOL, "{\"phone_numbers\": \"+15553330007,555-0100,+15553330009\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("text/plain");
        assertThat(refused.body()).startsWith("555-0100 is not a valid E.164 formatted phone number");
        assertThat(http.get(POOL).body()).isEqualTo("[]");
    }

    @Test
    void rejectsNumbersTheSeedWronglyStored() {
        for (String bad : new String[] {
            "+1\\u0665\\u0665\\u0665\\u0663\\u0663\\u0663\\u0660\\u0660\\u0661\\u0660",
            "+15553330005\\n+1",
            "+1 555 333 0002",
            "+999123456",
            "+1555",
            "15551231111"
        }) {
            var refused = http.postJson(POOL, "{\"phone_numbers\": \"" + bad + "\"}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("is not a valid E.164 formatted phone number");
        }
        assertThat(http.get(POOL).body()).isEqualTo("[]");
    }

    @Test
    void rejectsAMissingOrEmptyList() {
        for (String body : new String[] {
            "{}",
            "{\"phone_numbers\": \"\"}",
            "{\"phone_numbers\": []}",
            "{\"phone_numbers\": null}",
            "{\"phone_numbers\": \" , \"}"
        }) {
            var refused = http.postJson(POOL, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body()).as(body).isEqualTo("Required param phone_numbers missing");
        }
    }

    @Test
    void rejectsWrongTypesAndBrokenJsonWithAClearMessage() {
        assertThat(http.postJson(POOL, "{\"phone_numbers\": 15551231111}").body())
                .isEqualTo("phone_numbers must be a comma-separated string or an array of strings");
        assertThat(http.postJson(POOL, "{\"phone_numbers\": [15551231111]}").status())
                .isEqualTo(400);
        assertThat(http.postJson(POOL, "[\"+15551231111\"]").body()).isEqualTo("Request body must be a JSON object");
        assertThat(http.postJson(POOL, "null").status()).isEqualTo(400);
        var broken = http.postJson(POOL, "{\"phone_numbers\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).isEqualTo("Request body must be a JSON object");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        var refused = http.post(POOL, "application/x-www-form-urlencoded", "phone_numbers=%2B15551231111".getBytes());

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void refusesAnOversizedBody() {
        String huge = "{\"phone_numbers\": \"" + "+15551231111,".repeat(100_000) + "\"}";

        var refused = http.postJson(POOL, huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(http.get(POOL).body()).isEqualTo("[]");
    }

    @Test
    void addsThousandsOfNumbersInOneRequest() {
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            numbers.append(i == 0 ? "" : ",").append("+1555").append(String.format("%07d", i));
        }

        assertThat(http.postJson(POOL, "{\"phone_numbers\": \"" + numbers + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pool_number")
                        .query(Long.class)
                        .single())
                .isEqualTo(5000);
    }

    @Test
    void countsActiveMasksAsInUse() {
        poolOf("+15551231111", "+15551232222");
        openMask("+15559990000", "+15558001234");
        openMask("+15559990001", "+15558001235");

        assertThat(http.get(POOL).body())
                .isEqualTo(
                        "[{\"phone_number\":\"+15551231111\",\"in_use\":1},{\"phone_number\":\"+15551232222\",\"in_use\":1}]");
    }

    @Test
    void refusesToRemoveANumberThatActiveMasksUse() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");

        var refused = http.delete(POOL + "/+15551231111");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body())
                .startsWith("1 active mask uses +15551231111;")
                .contains("?force=true");
        assertThat(http.get(POOL).body()).contains("\"in_use\":1");
        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .contains("\"connect\"");
    }

    @Test
    void forcedRemovalClosesTheMasksAndStopsRouting() {
        poolOf("+15551231111");
        openMask("+15559990000", "+15558001234");

        var removed = http.delete(POOL + "/+15551231111?force=true");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("OK");
        assertThat(http.get(POOL).body()).isEqualTo("[]");
        assertThat(http.postJson("/calls/route", callBody("+15559990000", "+15551231111"))
                        .body())
                .doesNotContain("connect");
        assertThat(http.get("/api/rest/numberMask/+15551231111").body()).isEqualTo("[]");
    }

    @Test
    void removesAFreeNumberAndCanAddItBack() {
        poolOf("+15551231111", "+15551232222");

        assertThat(http.delete(POOL + "/%2B15551231111").body()).isEqualTo("OK");
        assertThat(http.get(POOL).body()).isEqualTo("[{\"phone_number\":\"+15551232222\",\"in_use\":0}]");
        assertThat(http.delete(POOL + "/+15551231111").status())
                .as("removing again")
                .isEqualTo(200);

        poolOf("+15551231111");
        assertThat(http.get(POOL).body()).contains("+15551231111");
        assertThat(openMask("+15559990000", "+15558001234").status()).isEqualTo(200);
    }

    @Test
    void rejectsAnInvalidNumberInThePathOrABadForceFlag() {
        assertThat(http.delete(POOL + "/abc").status()).isEqualTo(400);
        assertThat(http.delete(POOL + "/+15551231111?force=perhaps").status()).isEqualTo(400);
    }

    @Test
    void refusesANumberThatAnotherServicesPoolHoldsAndAddsNothing() {
        http.postJson("/api/v1/services", "{\"unique_name\": \"rides\"}");
        http.postJson("/api/v1/services/rides/numbers", "{\"numbers\": [\"+15551239999\"]}");

        var added = http.postJson(POOL, "{\"phone_numbers\": \"+15551231111,+15551239999\"}");

        assertThat(added.status()).isEqualTo(409);
        assertThat(added.contentType()).startsWith("text/plain");
        assertThat(added.body()).contains("+15551239999", "another service");
        assertThat(http.get(POOL).body()).isEqualTo("[]");
    }
}
