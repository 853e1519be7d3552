package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.callmask.support.Golden;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MessageRoutingTests extends IntegrationTest {

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

        Document xml = parse(text(form).body());

        assertThat(xml.getElementsByTagName("Media").getLength()).isEqualTo(7);
        assertThat(xml.getElementsByTagName("Body").getLength()).isZero();
        assertThat(text(form).body()).doesNotContain("javascript");
    }

    @Test
    void carriesMarkupQuotesAndEmojiExactly() {
        String body = "Tom & Jerry say \"hi\" <b>bold</b> it's </Message><Message to=\"+19995550000\"> 😀";

        Response answer = text(fields("From", CLIENT, "To", PROXY, "Body", body));

        Golden.assertMatches("forward-escaped.xml", answer.body());
        Document xml = parse(answer.body());
        assertThat(xml.getElementsByTagName("Message").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("Body").item(0).getTextContent()).isEqualTo(body);
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        Response answer = text(fields("From", CLIENT, "To", PROXY, "Body", "a\u0001b\u0008c\uFFFEd\uFFFFe"));

        Document xml = parse(answer.body());
        assertThat(xml.getElementsByTagName("Body").item(0).getTextContent()).isEqualTo("abcde");
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

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + xml, e);
        }
    }
}
