package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.callmask.support.FakeSignalWire.Received;
import org.callmask.support.FakeSignalWire.Reply;
import org.callmask.support.HttpTestClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class PoolRefillTests extends SignalWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEARCH = "GET /api/relay/rest/phone_numbers/search";
    private static final String BUY = "POST /api/relay/rest/phone_numbers";
    private static final String SF = "+14155550100";
    private static final String SF_CLIENT = "+14155550199";
    private static final String OAKLAND_COURIER = "+16285550123";
    private static final String BOUGHT = "+16285550100";
    private static final String BOUGHT_ID = "8d3f6c2a-1b4e-4f5a-9c7d-0e1f2a3b4c5d";

    @Autowired
    private PoolRefill refill;

    @AfterEach
    void purchasesFinished() {
        // A purchase runs off the request thread; the next test must not see its requests.
        await().until(refill::idle);
    }

    private String areaCodeService(String autoBuy) {
        Response created = http.postJson(
                "/api/v1/services",
                "{\"unique_name\": \"deliveries\", \"geo_match\": \"area-code\", "
                        + "\"callback_url\": \"http://127.0.0.1:9/events\", \"pool\": {\"auto_buy\": " + autoBuy
                        + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id(created.body());
    }

    private Response openSession(String service) {
        return http.postJson(
                "/api/v1/services/" + service + "/sessions",
                "{\"participants\": [{\"number\": \"" + SF_CLIENT + "\"}, {\"number\": \"" + OAKLAND_COURIER + "\"}]}");
    }

    private void signalWireSells(String number) {
        SIGNALWIRE.answer(
                SEARCH,
                r -> Reply.json(
                        200,
                        "{\"links\": {}, \"data\": [{\"number\": \"" + number
                                + "\", \"region\": \"CA\", \"rate_center\": \"OKLD\", \"capabilities\": {\"voice\": true, \"sms\": true, "
                                + "\"mms\": true, \"fax\": false}}]}"));
        SIGNALWIRE.answer(
                BUY,
                r -> Reply.json(
                        200,
                        "{\"id\": \"" + BOUGHT_ID + "\", \"number\": \"" + number
                                + "\", \"call_handler\": null, \"message_handler\": null}"));
        SIGNALWIRE.answer(
                "PUT /api/relay/rest/phone_numbers/" + BOUGHT_ID,
                r -> Reply.json(200, "{\"id\": \"" + BOUGHT_ID + "\", \"number\": \"" + number + "\"}"));
    }

    @Test
    void anAreaCodeWithoutANumberGetsOneBoughtSetUpAndAddedForTheNextParticipantThere() {
        signalWireSells(BOUGHT);
        String service = areaCodeService("{\"enabled\": true, \"max_numbers\": 3, \"country\": \"US\"}");
        numbers(service, SF);

        // The courier gets a number of the country, as area-code matching falls back to it ...
        String first = openSession(service).body();
        assertThat(JsonPath.<List<String>>read(first, "$.participants[*].proxy_number"))
                .containsOnly(SF);

        // ... and the pool buys one in the courier's area code meanwhile.
        await().until(() ->
                http.get("/api/v1/services/" + service + "/numbers/" + BOUGHT).status() == 200);
        Response next = http.postJson(
                "/api/v1/services/" + service + "/sessions",
                "{\"participants\": [{\"number\": \"+16285550177\"}, {\"number\": \"+14155550188\"}]}");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(JsonPath.<List<String>>read(
                        next.body(), "$.participants[?(@.number == '+16285550177')].proxy_number"))
                .containsExactly(BOUGHT);

        List<Received> searches = SIGNALWIRE.received(SEARCH);
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).query()).contains("areacode=628").contains("number_type=local");
        assertThat(searches.get(0).basicCredentials()).startsWith(org.callmask.support.FakeSignalWire.PROJECT + ":");
        List<Received> buys = SIGNALWIRE.received(BUY);
        assertThat(buys).hasSize(1);
        assertThat(JSON.readTree(buys.get(0).text()).path("number").asString()).isEqualTo(BOUGHT);
        Received put = SIGNALWIRE
                .received("PUT /api/relay/rest/phone_numbers/" + BOUGHT_ID)
                .get(0);
        assertThat(JSON.readTree(put.text()).path("call_relay_script_url").asString())
                .isEqualTo(PUBLIC + "/calls/route");

        String events = http.get("/api/v1/services/" + service + "/events").body();
        List<String> bought = JsonPath.read(events, "$.items[?(@.type == 'pool.number_bought')].payload.data.number");
        assertThat(bought).containsExactly(BOUGHT);
        assertThat(JsonPath.<List<String>>read(
                        events, "$.items[?(@.type == 'pool.number_bought')].payload.data.reason"))
                .containsExactly("no-number-in-area-code");
        assertThat(JsonPath.<List<Boolean>>read(
                        events, "$.items[?(@.type == 'pool.number_bought')].payload.data.configured"))
                .containsExactly(true);
    }

    @Test
    void nothingIsBoughtAtTheLimitOrOutsideTheAreaCodesOrWhenItIsOff() {
        signalWireSells(BOUGHT);
        String atLimit = areaCodeService("{\"enabled\": true, \"max_numbers\": 1, \"country\": \"US\"}");
        numbers(atLimit, SF);
        assertThat(openSession(atLimit).status()).isEqualTo(201);

        String service = http.postJson(
                        "/api/v1/services",
                        "{\"unique_name\": \"errands\", \"geo_match\": \"area-code\", \"pool\": {\"auto_buy\": "
                                + "{\"enabled\": true, \"max_numbers\": 10, \"area_codes\": [\"415\"]}}}")
                .body();
        numbers(id(service), "+14155550101");
        assertThat(openSession(id(service)).status()).isEqualTo(201);

        String off = http.postJson("/api/v1/services", "{\"unique_name\": \"rides\", \"geo_match\": \"area-code\"}")
                .body();
        numbers(id(off), "+14155550102");
        assertThat(openSession(id(off)).status()).isEqualTo(201);

        // Purchases run off the request thread: give one the time it would take.
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(SIGNALWIRE.received()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM number_purchase")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNumberTakenSinceTheSearchIsPassedOverForTheNext() {
        AtomicInteger buys = new AtomicInteger();
        SIGNALWIRE.answer(
                SEARCH,
                r -> Reply.json(200, "{\"data\": [{\"number\": \"+16285550101\"}, {\"number\": \"" + BOUGHT + "\"}]}"));
        SIGNALWIRE.answer(
                BUY,
                r -> buys.incrementAndGet() == 1
                        ? Reply.json(
                                422,
                                "{\"errors\": [{\"code\": \"number_unavailable\", \"message\": \"Not available\"}]}")
                        : Reply.json(200, "{\"id\": \"" + BOUGHT_ID + "\", \"number\": \"" + BOUGHT + "\"}"));
        SIGNALWIRE.answer("PUT /api/relay/rest/phone_numbers/" + BOUGHT_ID, r -> Reply.json(200, "{}"));
        String service = areaCodeService("{\"enabled\": true, \"max_numbers\": 5, \"country\": \"US\"}");
        numbers(service, SF);

        assertThat(openSession(service).status()).isEqualTo(201);

        await().until(() ->
                http.get("/api/v1/services/" + service + "/numbers/" + BOUGHT).status() == 200);
        assertThat(http.get("/api/v1/services/" + service + "/numbers/+16285550101")
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM number_purchase")
                        .query(String.class)
                        .list())
                .containsExactly("bought");
    }

    @Test
    void anEmptyPoolIsRefilledInTheServicesAreaCodesAndTheRetrySucceeds() {
        signalWireSells(BOUGHT);
        Response created = http.postJson(
                "/api/v1/services",
                "{\"unique_name\": \"deliveries\", \"pool\": {\"auto_buy\": {\"enabled\": true, \"max_numbers\": 2, "
                        + "\"area_codes\": [\"628\"]}}}");
        String service = id(created.body());

        Response refused = openSession(service);
        assertThat(refused.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(refused.body(), "$.type")).endsWith("pool-empty");

        await().until(() ->
                http.get("/api/v1/services/" + service + "/numbers/" + BOUGHT).status() == 200);
        assertThat(SIGNALWIRE.received(SEARCH).get(0).query()).contains("areacode=628");
        Response retried = openSession(service);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    }

    @Test
    void autoBuyIsReadBackAndBadSettingsAreRefusedWithTheField() {
        String service = areaCodeService(
                "{\"enabled\": true, \"max_numbers\": 20, \"area_codes\": [\"415\", \"628\"], \"country\": \"us\"}");
        String view = http.get("/api/v1/services/" + service).body();
        assertThat((Boolean) JsonPath.read(view, "$.pool.auto_buy.enabled")).isTrue();
        assertThat((Integer) JsonPath.read(view, "$.pool.auto_buy.max_numbers")).isEqualTo(20);
        assertThat(JsonPath.<List<String>>read(view, "$.pool.auto_buy.area_codes"))
                .containsExactly("415", "628");
        assertThat((String) JsonPath.read(view, "$.pool.auto_buy.country")).isEqualTo("US");

        Response off =
                http.patchJson("/api/v1/services/" + service, "{\"pool\": {\"auto_buy\": {\"enabled\": false}}}");
        assertThat((Boolean) JsonPath.read(off.body(), "$.pool.auto_buy.enabled"))
                .isFalse();
        assertThat((Integer) JsonPath.read(off.body(), "$.pool.auto_buy.max_numbers"))
                .isEqualTo(20);

        for (String[] bad : new String[][] {
            {"{\"max_numbers\": 0}", "pool.auto_buy.max_numbers"},
            {"{\"max_numbers\": 1001}", "pool.auto_buy.max_numbers"},
            {"{\"country\": \"XX\"}", "pool.auto_buy.country"},
            {"{\"area_codes\": [\"4a5\"]}", "pool.auto_buy.area_codes"},
            {"{\"enabled\": \"yes\"}", "pool.auto_buy.enabled"},
            {"{\"budget\": 5}", "pool.auto_buy.budget"}
        }) {
            Response refused =
                    http.patchJson("/api/v1/services/" + service, "{\"pool\": {\"auto_buy\": " + bad[0] + "}}");
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field"))
                    .as(bad[0])
                    .contains(bad[1]);
        }
        Response newService = http.postJson(
                "/api/v1/services", "{\"unique_name\": \"rides\", \"pool\": {\"auto_buy\": {\"enabled\": true}}}");
        assertThat(newService.status()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(newService.body(), "$.errors[*].field"))
                .contains("pool.auto_buy.max_numbers");
    }
}
