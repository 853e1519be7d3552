package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.support.HttpTestClient.fields;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** A forwarded text arrives byte for byte, line breaks included, once an XML parser reads the LaML. */
class MessageTextFidelityTests extends IntegrationTest {

    @Test
    void keepsCarriageReturnsAndLineFeedsAsSent() throws Exception {
        aMaskBetweenClientAndContractor();
        String text = "Gate code 4512\r\nRing twice\rthen\nwait\r\n";

        String laml = http.postForm("/texts/route", fields("From", CLIENT, "To", PROXY, "Body", text))
                .body();

        assertThat(laml).contains("&#13;");
        Document parsed = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(laml.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("Body").item(0).getTextContent()).isEqualTo(text);
    }
}
