package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;
import org.xmlunit.XMLUnitException;
import org.xmlunit.builder.Input;
import org.xmlunit.util.Convert;
import org.xmlunit.xpath.JAXPXPathEngine;
import org.xmlunit.xpath.XPathEngine;

class MessageRoutingTests extends IntegrationTest {

    private static final XPathEngine XPATH = new JAXPXPathEngine();

    @BeforeEach
    void aMask() {
        aMaskBetweenClientAndContractor();
    }

    @Test
    void forwardsTheClientsTextToTheContractor() {
        Response answer = text(fields("From", CLIENT, "To", PROXY, "Body", "On my way", "NumMedia", "0"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        Golden.assertMatches("forward-client-to-contractor.xml", answer.body());
    }

    @Test
    void forwardsTheContractorsTextToTheClient() {
        Response answer = text(fields("From", CONTRACTOR, "To", PROXY, "Body", "Arriving in 5 minutes"));

        Golden.assertMatches("forward-contractor-to-client.xml", answer.body());
    }

    @Test
    void forwardsMmsMediaAsMediaNouns() {
        Response answer = text(fields(
                "From",
                CLIENT,
                "To",
                PROXY,
                "Body",
                "Here is the gate",
                "NumMedia",
                "2",
                "MediaUrl0",
                "https://files.signalwire.example/m/0.jpg",
                "MediaContentType0",
                "image/jpeg",
                "MediaUrl1",
                "https://files.signalwire.example/m/1.png",
                "MediaContentType1",
                "image/png",
                "MediaUrl2",
                "https://files.signalwire.example/m/not-counted.png"));

        Golden.assertMatches("forward-mms.xml", answer.body());
    }

    @Test
    void forwardsAtMostEightMediaAndOnlyWebUrls() {
        Map<String, String> form = fields("From", CLIENT, "To", PROXY, "Body", "", "NumMedia", "12");
        for (int i = 0; i < 12; i++) {
            form.put("MediaUrl" + i, i == 1 ? "javascript:alert(1)" : "https://files.signalwire.example/m/" + i);
        }

        Response answer = text(form);
        Node xml = parse(answer.body());

        assertThat(texts("/Response/Message/Media", xml))
                .containsExactly(
                        "https://files.signalwire.example/m/0",
                        "https://files.signalwire.example/m/2",
                        "https://files.signalwire.example/m/3",
                        "https://files.signalwire.example/m/4",
                        "https://files.signalwire.example/m/5",
                        "https://files.signalwire.example/m/6",
                        "https://files.signalwire.example/m/7");
        assertThat(XPATH.evaluate("count(//Media)", xml)).isEqualTo("7");
        assertThat(XPATH.evaluate("count(//Body)", xml)).isEqualTo("0");
        assertThat(answer.body()).doesNotContain("javascript");
    }

    @Test
    void carriesMarkupQuotesAndEmojiExactly() {
        String body = "Tom & Jerry say \"hi\" <b>bold</b> it's </Message><Message to=\"+19995550000\"> 😀";

        Response answer = text(fields("From", CLIENT, "To", PROXY, "Body", body));

        Golden.assertMatches("forward-escaped.xml", answer.body());
        Node xml = parse(answer.body());
        assertThat(XPATH.evaluate("count(//Message)", xml)).isEqualTo("1");
        assertThat(texts("//Body", xml)).containsExactly(body);
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        Response answer = text(fields("From", CLIENT, "To", PROXY, "Body", "a\u0001b\u0008c\uFFFEd\uFFFFe"));

        assertThat(texts("//Body", parse(answer.body()))).containsExactly("abcde");
    }

    @Test
    void answersStrangersWithAnEmptyResponse() {
        Response answer = text(fields("From", "+15557770000", "To", PROXY, "Body", "who is this?"));

        assertThat(answer.status()).isEqualTo(200);
        Golden.assertMatches("empty.xml", answer.body());
    }

    @Test
    void answersMalformedOrIncompleteMessagesWithAnEmptyResponse() {
        String[] bodies = {
            "",
            "From=" + CLIENT,
            "To=" + PROXY + "&Body=hi",
            "From=abc&To=" + PROXY + "&Body=hi",
            "From=%ZZ&To=%2&Body=%",
            "{\"From\":\"" + CLIENT + "\"}",
            "&&&==&"
        };
        for (String body : bodies) {
            Response answer = http.post(
                    "/texts/route", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(body).isEqualTo(200);
            Golden.assertMatches("empty.xml", answer.body());
        }
        Golden.assertMatches("empty.xml", http.get("/texts/route").body());
    }

    @Test
    void answersAnEmptyMessageWithNothingToForward() {
        Golden.assertMatches(
                "empty.xml",
                text(fields("From", CLIENT, "To", PROXY, "Body", "")).body());
    }

    @Test
    void readsTheQueryStringOfAGet() {
        Response answer = http.get(
                "/texts/route?" + HttpTestClient.form(fields("From", CLIENT, "To", PROXY, "Body", "On my way")));

        Golden.assertMatches("forward-client-to-contractor.xml", answer.body());
    }

    private Response text(Map<String, String> form) {
        return http.postForm("/texts/route", form);
    }

    private static Node parse(String xml) {
        try {
            return Convert.toDocument(Input.fromString(xml).build());
        } catch (XMLUnitException e) {
            throw new AssertionError("Not well-formed XML: " + xml, e);
        }
    }

    /** The text of every element the XPath selects, in document order. */
    private static List<String> texts(String xpath, Node xml) {
        List<String> texts = new ArrayList<>();
        XPATH.selectNodes(xpath, xml).forEach(node -> texts.add(node.getTextContent()));
        return texts;
    }
}
