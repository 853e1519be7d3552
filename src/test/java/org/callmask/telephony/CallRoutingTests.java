package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.SwmlSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallRoutingTests extends IntegrationTest {

    @BeforeEach
    void aMask() {
        aMaskBetweenClientAndContractor();
    }

    @Test
    void connectsTheClientToTheContractorWithTheProxyAsCallerId() {
        Response answer = http.postJson("/calls/route", callBody(CLIENT, PROXY));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        Golden.assertMatches("connect-client-to-contractor.json", answer.body());
        SwmlSchema.assertValid(answer.body());
    }

    @Test
    void connectsTheContractorToTheClient() {
        Response answer = http.postJson("/calls/route", callBody(CONTRACTOR, PROXY));

        Golden.assertMatches("connect-contractor-to-client.json", answer.body());
        SwmlSchema.assertValid(answer.body());
    }

    @Test
    void readsFromAndToWhenTheNumberFieldsAreAbsent() {
        // SIP and WebRTC calls carry only call.from and call.to.
        Response answer = http.postJson(
                "/calls/route",
                "{\"call\":{\"type\":\"sip\",\"from\":\"" + CLIENT + "\",\"to\":\"" + PROXY
                        + "\",\"headers\":[]},\"vars\":{}}");

        Golden.assertMatches("connect-client-to-contractor.json", answer.body());
    }

    @Test
    void routesSignalWiresRealCapturedBodyShape() {
        String captured =
                "{\"call\":{\"call_id\":\"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0\",\"node_id\":\"fa3570ae-f8bd-42c2-83f4-9950d906c91b@us-west\","
                        + "\"segment_id\":\"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0\",\"call_state\":\"created\",\"direction\":\"inbound\",\"type\":\"phone\","
                        + "\"from\":\"" + CLIENT + "\",\"to\":\"" + PROXY + "\",\"from_number\":\"" + CLIENT
                        + "\",\"to_number\":\"" + PROXY + "\","
                        + "\"project_id\":\"4b7ae78a-d02e-4889-a63b-08b156d5916e\",\"space_id\":\"62615f44-2a34-4235-b38b-76b5a1de6ef8\"},\"vars\":{},"
                        + "\"envs\":{},\"params\":{},\"unknown_future_field\":[1,2,3]}";

        Golden.assertMatches(
                "connect-client-to-contractor.json",
                http.postJson("/calls/route", captured).body());
    }

    @Test
    void routesNumbersSentWithWhiteSpaceAroundThemAsTheNumbersThemselves() {
        // JSON escapes: the numbers arrive with a tab and a newline around them.
        Response answer = http.postJson("/calls/route", callBody(" " + CLIENT + "\\t", "\\n" + PROXY + " "));

        Golden.assertMatches("connect-client-to-contractor.json", answer.body());
    }

    @Test
    void refusesANumberShapedAsE164ThatNoCountryCouldHave() {
        // +1 followed by 14 digits has the shape of E.164 but is too long for the NANP.
        Response answer = http.postJson("/calls/route", callBody("+120355501234567", PROXY));

        Golden.assertMatches("refusal.json", answer.body());
    }

    @Test
    void refusesAStrangerWithoutRevealingAnyNumber() {
        Response answer = http.postJson("/calls/route", callBody("+15557770000", PROXY));

        assertThat(answer.status()).isEqualTo(200);
        Golden.assertMatches("refusal.json", answer.body());
        assertThat(answer.body()).doesNotContain(CLIENT, CONTRACTOR, "connect");
        SwmlSchema.assertValid(answer.body());
    }

    @Test
    void refusesCallsToNumbersWithoutAnActiveMask() {
        poolOf("+15551232222");
        http.delete("/api/rest/numberMask/" + PROXY);

        Golden.assertMatches(
                "refusal.json",
                http.postJson("/calls/route", callBody(CLIENT, PROXY)).body());
        Golden.assertMatches(
                "refusal.json",
                http.postJson("/calls/route", callBody(CLIENT, "+15551232222")).body());
        Golden.assertMatches(
                "refusal.json",
                http.postJson("/calls/route", callBody(CLIENT, "+15550000000")).body());
    }

    @Test
    void answersEveryMalformedRequestWithTheRefusal() {
        String[] bodies = {
            "",
            "{",
            "null",
            "[]",
            "{\"call\":null}",
            "{\"call\":{\"from\":123,\"to\":[]}}",
            "{\"call\":{\"from\":\"" + CLIENT + "\"}}",
            "{\"call\":{\"from_number\":\"" + CLIENT + "\",\"to_number\":\"sip:x@y\"}}",
            "{\"from\":\"" + CLIENT + "\",\"to\":\"" + PROXY + "\"}",
            "\u0000\u0001garbage"
        };
        for (String body : bodies) {
            Response answer = http.post("/calls/route", "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(body).isEqualTo(200);
            Golden.assertMatches("refusal.json", answer.body());
        }
        // A form is a LaML voice webhook: the refusal comes as LaML.
        Response form = http.post(
                "/calls/route", "application/x-www-form-urlencoded", "From=x".getBytes(StandardCharsets.UTF_8));
        Golden.assertMatches("voice-refusal.xml", form.body());
        Golden.assertMatches("refusal.json", http.get("/calls/route").body());
    }

    @Test
    void refusesAGetThatCarriesABodyAndAnswersABareGetWithTheRefusal() {
        aMaskBetweenClientAndContractor();

        Response withBody = http.send(http.request("/calls/route")
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString(callBody(CLIENT, PROXY))));
        Response bare = http.get("/calls/route");

        assertThat(withBody.status()).isEqualTo(415);
        assertThat(withBody.body()).isEmpty();
        assertThat(bare.status()).isEqualTo(200);
        Golden.assertMatches("refusal.json", bare.body());
    }
}
