package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callmask.support.HttpTestClient.fields;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.StatusCallbackUrls;
import org.callmask.support.SwmlSchema;
import org.w3c.dom.Node;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;
import org.xmlunit.xpath.XPathEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing through sessions of the v1 API: services, numbers and sessions are set up over
 * {@code /api/v1}, then the webhooks are called as SignalWire would call them.
 */
abstract class V1RoutingTest extends IntegrationTest {

    static final String ALICE = "+15559990001";
    static final String BOB = "+15558000002";
    static final String CAROL = "+15559990003";
    static final String DAVE = "+15558000004";
    static final String STRANGER = "+15557770000";

    static final String P1 = "+15551230001";
    static final String P2 = "+15551230002";
    static final String P3 = "+15551230003";
    /** The support line a service forwards strangers to; never a participant. */
    static final String SUPPORT = "+15551110000";

    static final String REFUSAL = "Sorry, this number is not currently in service. Goodbye.";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XPathEngine XPATH = new JAXPXPathEngine();

    /** Creates a service from its JSON body (name included) and returns its id. */
    String service(String body) {
        Response created = http.postJson("/api/v1/services", body);
        assertThat(created.status()).as("create service: %s", created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    /** A service with nothing but a name: every setting at its default. */
    String plainService(String name) {
        return service("{\"unique_name\": \"" + name + "\"}");
    }

    void numbers(String service, String... numbers) {
        String list = Arrays.stream(numbers).map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        Response added = http.postJson("/api/v1/services/" + service + "/numbers", "{\"numbers\": [" + list + "]}");
        assertThat(added.status()).as("add numbers: %s", added.body()).isEqualTo(201);
    }

    /** Opens a session from its JSON body and returns the answer's JSON. */
    String session(String service, String body) {
        Response created = http.postJson("/api/v1/services/" + service + "/sessions", body);
        assertThat(created.status()).as("open session: %s", created.body()).isEqualTo(201);
        return created.body();
    }

    /** A voice-and-message session in which each participant has the proxy number it is given. */
    String sessionWithProxies(String service, String first, String firstProxy, String second, String secondProxy) {
        return session(
                service,
                "{\"participants\": [" + participant(first, firstProxy) + ", " + participant(second, secondProxy)
                        + "]}");
    }

    static String participant(String number, String proxy) {
        return "{\"number\": \"" + number + "\", \"proxy_number\": \"" + proxy + "\"}";
    }

    static String id(String json) {
        return JsonPath.read(json, "$.id");
    }

    /** The proxy number the session's active participant {@code number} calls and texts. */
    static String proxyOf(String session, String number) {
        List<String> proxies = JsonPath.read(
                session, "$.participants[?(@.number == '" + number + "' && @.removed_at == null)].proxy_number");
        assertThat(proxies).as("proxy of %s in %s", number, session).hasSize(1);
        return proxies.get(0);
    }

    static String participantId(String session, String number) {
        List<String> ids = JsonPath.read(session, "$.participants[?(@.number == '" + number + "')].id");
        assertThat(ids).as("participant %s in %s", number, session).hasSize(1);
        return ids.get(0);
    }

    String getSession(String service, String session) {
        Response found = http.get("/api/v1/services/" + service + "/sessions/" + session);
        assertThat(found.status()).as("get session: %s", found.body()).isEqualTo(200);
        return found.body();
    }

    Response patch(String path, String body) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(body)));
    }

    /**
     * Waits until the service has {@code count} interactions on record: webhooks answer before
     * their record is committed, a moment later.
     */
    void awaitInteractions(String service, int count) {
        await().until(
                        () -> JsonPath.<List<Object>>read(
                                        http.get("/api/v1/services/" + service + "/interactions")
                                                .body(),
                                        "$.items")
                                .size(),
                        size -> size == count);
    }

    /** A call through a SWML handler; every SWML answer must be valid against SignalWire's schema. */
    Response call(String from, String to) {
        Response answer = http.postJson("/calls/route", callBody(from, to));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        SwmlSchema.assertValid(answer.body());
        return answer;
    }

    /** A call through a LaML (cXML) voice handler, which posts a form. */
    Response formCall(String from, String to) {
        Response answer = http.postForm(
                "/calls/route", fields("CallSid", "CA6f1e0c2b-7d3a-4b8e-9f10-2a3b4c5d6e7f", "From", from, "To", to));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        return answer;
    }

    Response text(String from, String to, String body) {
        Response answer = http.postForm(
                "/texts/route",
                fields("MessageSid", "SM0b4f3c1e", "From", from, "To", to, "Body", body, "NumMedia", "0"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        return answer;
    }

    /** The answer is exactly this SWML document, compared as JSON, status-callback URLs aside. */
    static void assertSwml(Response answer, String expected) {
        assertThat(JSON.readTree(StatusCallbackUrls.strip(answer.body())))
                .as("SWML answer %s", answer.body())
                .isEqualTo(JSON.readTree(expected));
    }

    /** SWML that puts the call through with the service defaults and no whisper or recording. */
    static String plainConnect(String from, String to) {
        return """
                {"version": "1.0.0", "sections": {"main": [
                  {"connect": {"from": "%s", "to": "%s", "timeout": 30, "max_duration": 14400,
                               "answer_on_bridge": true}}]}}
                """.formatted(from, to);
    }

    /** SWML that answers, says {@code message} and hangs up. */
    static String announcement(String message) {
        return """
                {"version": "1.0.0", "sections": {"main": [
                  {"answer": {}}, {"play": {"url": "say:%s"}}, {"hangup": {}}]}}
                """.formatted(message);
    }

    static void assertRefused(Response answer) {
        Golden.assertMatches("refusal.json", answer.body());
    }

    /** An empty {@code <Response/>}: the text is received and nothing is sent. */
    static void assertDropped(Response answer) {
        Golden.assertMatches("empty.xml", answer.body());
    }

    /** The one LaML {@code <Message>} of a text answer, as {@code to from body}. */
    static List<String> message(Response answer) {
        assertThat(count(answer.body(), "/Response/Message")).as(answer.body()).isEqualTo(1);
        return List.of(
                xpath(answer.body(), "/Response/Message/@to"),
                xpath(answer.body(), "/Response/Message/@from"),
                xpath(answer.body(), "/Response/Message/Body"));
    }

    static String xpath(String xml, String expression) {
        return XPATH.evaluate(expression, Input.fromString(xml).build());
    }

    static int count(String xml, String expression) {
        return Integer.parseInt(XPATH.evaluate(
                "count(" + expression + ")", Input.fromString(xml).build()));
    }

    /** The names of the root's child elements, in order: the steps of a LaML document. */
    static List<String> children(String xml, String parent) {
        return StreamSupport.stream(
                        XPATH.selectNodes(parent + "/*", Input.fromString(xml).build())
                                .spliterator(),
                        false)
                .map(Node::getNodeName)
                .toList();
    }

    /** The raw answer names none of these real numbers, in any form a carrier or parser would show. */
    static void assertRevealsNone(Response answer, String... realNumbers) {
        for (String number : realNumbers) {
            String national = number.substring(2);
            assertThat(answer.body())
                    .as("answer must not reveal %s", number)
                    .doesNotContain(number)
                    .doesNotContain(national)
                    .doesNotContain("%2B" + national);
        }
    }
}
