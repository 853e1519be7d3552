package org.callmask.telephony;

import org.callmask.service.VoiceOptions;
import org.callmask.telephony.RoutingDecision.Connect;
import org.callmask.telephony.RoutingDecision.Refuse;
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
        this.refusal = render(announcement(properties.refusalMessage()));
    }

    byte[] write(RoutingDecision decision) {
        return write(decision, null);
    }

    /**
     * @param statusUrl where SignalWire reports the call's progress and recording; {@code null}
     *     for none
     */
    byte[] write(RoutingDecision decision, String statusUrl) {
        if (decision instanceof Connect connect) {
            ObjectNode document = document();
            ArrayNode main = steps(document);
            VoiceOptions voice = connect.voice();
            if (voice.record()) {
                // Records in the background while the script goes on to connect; both legs, one
                // channel each, so a dispute can tell who said what.
                ObjectNode record = main.addObject()
                        .putObject("record_call")
                        .put("format", "mp3")
                        .put("stereo", true)
                        .put("direction", "both");
                if (statusUrl != null) {
                    record.put("status_url", statusUrl);
                }
            }
            ObjectNode dial = main.addObject().putObject("connect");
            // Without "from" SignalWire presents the caller's real number to the callee.
            dial.put("from", connect.from().e164());
            dial.put("to", connect.to().e164());
            dial.put("timeout", voice.ringTimeout());
            dial.put("max_duration", voice.maxDuration());
            dial.put("answer_on_bridge", voice.answerOnBridge());
            if (statusUrl != null) {
                // The dialled leg's states, and the connection's outcome with the leg's id.
                dial.put("call_state_url", statusUrl);
                dial.putArray("call_state_events")
                        .add("ringing")
                        .add("answered")
                        .add("ended");
                dial.put("status_url", statusUrl);
            }
            if (voice.whisper() != null) {
                // Runs on the callee's leg once it answers, before the two are bridged.
                dial.putArray("confirm").addObject().putObject("play").put("url", "say:" + voice.whisper());
            }
            return render(document);
        }
        if (decision instanceof Refuse refuse && refuse.announcement() != null) {
            return render(announcement(refuse.announcement()));
        }
        return refusal.clone();
    }

    /** Answers, says the message once, hangs up: the caller hears why, not a carrier error. */
    private ObjectNode announcement(String message) {
        ObjectNode document = document();
        ArrayNode main = steps(document);
        main.addObject().putObject("answer");
        main.addObject().putObject("play").put("url", "say:" + message);
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
