package org.callmask.telephony;

import org.callmask.telephony.RoutingDecision.Connect;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a routing decision as a SWML document for SignalWire's calling webhook. */
@Component
class SwmlWriter {

    private final JsonMapper json = JsonMapper.builder().build();
    private final TelephonyProperties properties;
    private final byte[] refusal;

    SwmlWriter(TelephonyProperties properties) {
        this.properties = properties;
        this.refusal = render(refusalDocument());
    }

    byte[] write(RoutingDecision decision) {
        if (decision instanceof Connect connect) {
            ObjectNode document = document();
            ObjectNode dial = steps(document).addObject().putObject("connect");
            // Without "from" SignalWire presents the caller's real number to the callee.
            dial.put("from", connect.from().e164());
            dial.put("to", connect.to().e164());
            dial.put("timeout", properties.connectTimeout());
            return render(document);
        }
        return refusal.clone();
    }

    /** Answers, says the refusal message once, hangs up: the caller hears why, not a carrier error. */
    private ObjectNode refusalDocument() {
        ObjectNode document = document();
        ArrayNode main = steps(document);
        main.addObject().putObject("answer");
        main.addObject().putObject("play").put("url", "say:" + properties.refusalMessage());
        main.addObject().putObject("hangup");
        return document;
    }

    private ObjectNode document() {
        ObjectNode document = json.createObjectNode();
        document.put("version", "1.0.0");
        document.putObject("sections").putArray("main");
        return document;
    }

    private static ArrayNode steps(ObjectNode document) {
        return (ArrayNode) document.get("sections").get("main");
    }

    private byte[] render(ObjectNode document) {
        return json.writeValueAsBytes(document);
    }
}
