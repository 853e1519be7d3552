package org.callmask.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class SeedApiErrorTests extends IntegrationTest {

    private static final String POOL = "/api/rest/numberPool";
    private static final String MASKS = "/api/rest/numberMask";

    @Test
    void refusesAnUnknownFieldAndSuggestsTheKnownOne() {
        poolOf(PROXY);

        var refused = http.postJson(
                MASKS,
                "{\"client_number\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR + "\",\"ttl\":60}");

        assertPlainText(refused, 400, "Unknown field \"ttl\"; did you mean ttl_seconds?");
        assertNothingOpened();
    }

    @Test
    void suggestsFieldsWrittenInAnotherCaseOrWithASlip() {
        poolOf(PROXY);

        assertThat(http.postJson(
                                MASKS,
                                "{\"clientNumber\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR + "\"}")
                        .body())
                .isEqualTo("Unknown field \"clientNumber\"; did you mean client_number?");
        assertThat(http.postJson(
                                MASKS,
                                "{\"client_number\":\"" + CLIENT + "\",\"contarctor_number\":\"" + CONTRACTOR + "\"}")
                        .body())
                .isEqualTo("Unknown field \"contarctor_number\"; did you mean contractor_number?");
        assertNothingOpened();
    }

    @Test
    void namesEveryUnknownFieldAndListsTheKnownOnesWhenOneIsNotClose() {
        poolOf(PROXY);

        var refused = http.postJson(
                MASKS,
                "{\"client_number\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR
                        + "\",\"ttl\":60,\"colour\":\"red\"}");

        assertPlainText(
                refused,
                400,
                "Unknown fields \"ttl\" (did you mean ttl_seconds?) and \"colour\"; "
                        + "the fields are client_number, contractor_number and ttl_seconds");
        assertNothingOpened();
    }

    @Test
    void neverSuggestsAFieldTheBodyAlreadyHas() {
        poolOf(PROXY);

        var refused = http.postJson(
                MASKS,
                "{\"client_number\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR
                        + "\",\"ttl_seconds\":60,\"ttl\":60}");

        assertPlainText(
                refused, 400, "Unknown field \"ttl\"; the fields are client_number, contractor_number and ttl_seconds");
        assertNothingOpened();
    }

    @Test
    void refusesAnUnknownPoolFieldAndAddsNothing() {
        var typo = http.postJson(POOL, "{\"phone_number\":\"" + PROXY + "\"}");
        var unrelated = http.postJson(POOL, "{\"phone_numbers\":\"" + PROXY + "\",\"comment\":\"spare\"}");

        assertPlainText(typo, 400, "Unknown field \"phone_number\"; did you mean phone_numbers?");
        assertPlainText(unrelated, 400, "Unknown field \"comment\"; the only field is phone_numbers");
        List<Object> pool = JsonPath.read(http.get(POOL).body(), "$");
        assertThat(pool).isEmpty();
    }

    @Test
    void escapesAndShortensAnUnknownFieldNameItRepeats() {
        var refused = http.postJson(POOL, "{\"a\\nb\\\"" + "x".repeat(100) + "\":1}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .startsWith("Unknown field \"a\\u000ab\\\"xxx")
                .contains("…\"; the only field is phone_numbers")
                .doesNotContain("\n")
                .hasSizeLessThan(120);
    }

    @Test
    void namesEveryMissingFieldContractorFirst() {
        poolOf(PROXY);

        assertPlainText(http.postJson(MASKS, "{}"), 400, "Required params contractor_number and client_number missing");
        assertPlainText(
                http.postJson(MASKS, "{\"client_number\":\"" + CLIENT + "\"}"),
                400,
                "Required param contractor_number missing");
        assertPlainText(
                http.postJson(MASKS, "{\"contractor_number\":\"" + CONTRACTOR + "\",\"client_number\":\" \"}"),
                400,
                "Required param client_number missing");
        assertNothingOpened();
    }

    @Test
    void saysALifetimeGivenAsAStringMustBeAJsonNumber() {
        poolOf(PROXY);

        assertPlainText(openFor("\"60\""), 400, "ttl_seconds must be a JSON number, not a string");
        assertNothingOpened();
    }

    @Test
    void saysAWholeNumberOfSecondsIsExpectedForOtherTypes() {
        poolOf(PROXY);

        assertPlainText(openFor("1.5"), 400, "ttl_seconds must be a whole number of seconds, not 1.5");
        assertPlainText(openFor("true"), 400, "ttl_seconds must be a whole number of seconds, not true");
        assertPlainText(openFor("[60]"), 400, "ttl_seconds must be a whole number of seconds, not an array");
        assertPlainText(openFor("{\"s\":60}"), 400, "ttl_seconds must be a whole number of seconds, not an object");
        assertPlainText(
                openFor("123456789012345678901234567890"),
                400,
                "ttl_seconds is out of range, was 123456789012345678901234567890");
        assertNothingOpened();
    }

    @Test
    void saysToWriteAPlusAsPercent2BInAQueryString() {
        aMaskBetweenClientAndContractor();

        var refused = http.delete(
                MASKS + "/" + PROXY + "?client_number=" + CLIENT + "&contractor_number=%2B" + CONTRACTOR.substring(1));

        assertPlainText(
                refused,
                400,
                "client_number begins with a space, which is how a raw + arrives in a query string: write + as %2B, "
                        + "as in client_number=%2B…");
        String status = JsonPath.read(http.get(MASKS + "/" + PROXY).body(), "$[0].status");
        assertThat(status).isEqualTo("active");
    }

    @Test
    void stillAnswersOkWhenDeletingWhatDoesNotExist() {
        assertPlainText(http.delete(MASKS + "/+15551239999"), 200, "OK");
        assertPlainText(
                http.delete(MASKS + "/+15551239999?client_number=%2B15559990000&contractor_number=%2B15558001234"),
                200,
                "OK");
        assertPlainText(http.delete(POOL + "/+15551239999"), 200, "OK");
    }

    @Test
    void answersAWrongMethodInPlainTextNamingTheAllowedOnes() {
        var get = http.get(MASKS);
        var put = http.send(http.request(MASKS + "/" + PROXY).PUT(BodyPublishers.ofString("{}")));

        assertPlainText(get, 405, "GET is not allowed here; use POST");
        assertThat(get.headers().get("Allow")).containsExactly("POST");
        assertPlainText(put, 405, "PUT is not allowed here; use DELETE or GET");
        assertThat(put.headers().get("Allow")).containsExactly("DELETE,GET");
    }

    @Test
    void answersAnUnknownPathInPlainTextWithoutRepeatingIt() {
        var nope = http.get("/api/rest/nope");
        var deeper = http.get(MASKS + "/" + PROXY + "/" + CLIENT);

        assertPlainText(nope, 404, "Not found");
        assertPlainText(deeper, 404, "Not found");
        assertPlainText(http.postJson("/api/rest/nope", "{}"), 404, "Not found");
        assertPlainText(http.delete("/api/rest/nope/" + PROXY), 404, "Not found");
    }

    @Test
    void countsTheMasksOnANumberInSingularAndPlural() {
        poolOf(PROXY);
        openMask(CLIENT, CONTRACTOR);

        assertPlainText(
                http.delete(POOL + "/" + PROXY),
                409,
                "1 active mask uses +15551231111; delete it or add ?force=true to close it and remove the number");

        openMask("+15559990001", "+15558001235");

        assertPlainText(
                http.delete(POOL + "/" + PROXY),
                409,
                "2 active masks use +15551231111; delete them or add ?force=true to close them and remove the number");
        Integer inUse = JsonPath.read(http.get(POOL).body(), "$[0].in_use");
        assertThat(inUse).isEqualTo(2);
    }

    private Response openFor(String ttl) {
        return http.postJson(
                MASKS,
                "{\"client_number\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR + "\",\"ttl_seconds\":"
                        + ttl + "}");
    }

    private void assertNothingOpened() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isZero();
        Integer inUse = JsonPath.read(http.get(POOL).body(), "$[0].in_use");
        assertThat(inUse).isZero();
    }

    private static void assertPlainText(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo(body);
    }
}
