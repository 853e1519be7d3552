package org.callmask.telephony;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.callmask.service.VoiceOptions;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Refuse;
import org.callmask.telephony.RoutingDecision.Reply;
import org.springframework.stereotype.Component;

/**
 * Renders a routing decision as a LaML document: for inbound messages, and for calls to numbers
 * whose voice handler is LaML. The JDK's XML writer
 * escapes every text and attribute, so a message can carry {@code <}, {@code &}, quotes or
 * {@code </Message>} without changing the document's meaning.
 */
@Component
class LamlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /**
     * @param decision where the message goes
     * @param body the message text, possibly empty
     * @param media URLs of the message's media, already checked and capped
     */
    byte[] write(RoutingDecision decision, String body, List<URI> media) {
        return write(decision, body, media, null);
    }

    /**
     * @param statusUrl where SignalWire is asked to report the forwarded message's delivery;
     *     {@code null} for none
     */
    byte[] write(RoutingDecision decision, String body, List<URI> media, String statusUrl) {
        StringWriter out = new StringWriter(256 + body.length());
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (decision instanceof Connect connect && (!body.isEmpty() || !media.isEmpty())) {
                xml.writeStartElement("Response");
                xml.writeStartElement("Message");
                xml.writeAttribute("to", connect.to().e164());
                // Without "from" SignalWire would still use the number that received the message,
                // but saying it keeps the document correct if a mask ever gets per-participant numbers.
                xml.writeAttribute("from", connect.from().e164());
                if (statusUrl != null) {
                    // Twilio's attribute; SignalWire's LaML pages do not list it (see the README).
                    xml.writeAttribute("statusCallback", statusUrl);
                }
                if (!body.isEmpty()) {
                    xml.writeStartElement("Body");
                    writeText(xml, xmlSafe(body));
                    xml.writeEndElement();
                }
                for (URI url : media) {
                    xml.writeStartElement("Media");
                    xml.writeCharacters(xmlSafe(url.toString()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
            } else if (decision instanceof Reply reply) {
                xml.writeStartElement("Response");
                xml.writeStartElement("Message");
                xml.writeAttribute("to", reply.to().e164());
                xml.writeAttribute("from", reply.from().e164());
                xml.writeStartElement("Body");
                writeText(xml, xmlSafe(reply.text()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            } else {
                // Receive and send nothing back: a stranger learns nothing, not even that the number is a proxy.
                xml.writeEmptyElement("Response");
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write LaML", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code text} with every carriage return as {@code &#13;}: the writer leaves it raw, and
     * an XML parser turns a raw CR LF into LF, so a message's line breaks would not arrive byte for
     * byte.
     */
    private static void writeText(XMLStreamWriter xml, String text) throws XMLStreamException {
        int start = 0;
        for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', start)) {
            xml.writeCharacters(text.substring(start, cr));
            xml.writeEntityRef("#13");
            start = cr + 1;
        }
        xml.writeCharacters(text.substring(start));
    }

    /**
     * A voice answer, for numbers whose voice handler is LaML (cXML) rather than SWML: a
     * {@code <Dial>} showing the proxy number, or the refusal said and a hang-up.
     *
     * @param refusalMessage said when the decision carries no announcement of its own
     */
    byte[] writeVoice(RoutingDecision decision, String refusalMessage) {
        return writeVoice(decision, refusalMessage, null);
    }

    /**
     * @param statusUrl where SignalWire reports the dialled leg's progress and the dial's outcome;
     *     {@code null} for none
     */
    byte[] writeVoice(RoutingDecision decision, String refusalMessage, String statusUrl) {
        StringWriter out = new StringWriter(256);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            if (decision instanceof Connect connect) {
                VoiceOptions voice = connect.voice();
                xml.writeStartElement("Dial");
                // Without callerId SignalWire presents the caller's real number to the callee.
                xml.writeAttribute("callerId", connect.from().e164());
                xml.writeAttribute("timeout", Integer.toString(voice.ringTimeout()));
                xml.writeAttribute("timeLimit", Integer.toString(voice.maxDuration()));
                xml.writeAttribute("answerOnBridge", Boolean.toString(voice.answerOnBridge()));
                if (voice.record()) {
                    xml.writeAttribute("record", "record-from-answer-dual");
                    if (statusUrl != null) {
                        xml.writeAttribute("recordingStatusCallback", statusUrl);
                    }
                }
                // No action URL: its answer would run on the caller's leg, and a callback that
                // fails there would make the caller hear a carrier error. Status callbacks only.
                xml.writeStartElement("Number");
                if (statusUrl != null) {
                    xml.writeAttribute("statusCallback", statusUrl);
                    xml.writeAttribute("statusCallbackEvent", "initiated ringing answered completed");
                }
                xml.writeCharacters(connect.to().e164());
                xml.writeEndElement();
                xml.writeEndElement();
            } else {
                String message = decision instanceof Refuse refuse && refuse.announcement() != null
                        ? refuse.announcement()
                        : refusalMessage;
                xml.writeStartElement("Say");
                xml.writeCharacters(xmlSafe(message));
                xml.writeEndElement();
                xml.writeEmptyElement("Hangup");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write LaML", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An empty {@code <Response/>}: receive the message, send nothing. */
    byte[] empty() {
        return write(new RoutingDecision.Refuse(RoutingDecision.Reason.FAILURE), "", List.of());
    }

    /**
     * Drops what XML 1.0 cannot carry at all (most control characters, lone surrogates); the
     * writer escapes everything else.
     */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
