package org.callmask.support;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers with their status-callback URLs taken out. Each recorded call or message gets a URL with
 * a random token of its own, so documents that are otherwise fixed (golden files, expected SWML)
 * are compared without them; the interaction-log tests check the URLs themselves.
 */
public final class StatusCallbackUrls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LAML_ATTRIBUTES =
            Pattern.compile(" (statusCallback|statusCallbackEvent|action)=\"[^\"]*\"");

    private StatusCallbackUrls() {}

    /** A SWML or LaML answer without the attributes that name its status callbacks. */
    public static String strip(String answer) {
        if (answer.startsWith("{")) {
            JsonNode document = JSON.readTree(answer);
            strip(document);
            return JSON.writeValueAsString(document);
        }
        return LAML_ATTRIBUTES.matcher(answer).replaceAll("");
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String method : new String[] {"connect", "record_call"}) {
                if (object.get(method) instanceof ObjectNode step) {
                    step.remove("call_state_url");
                    step.remove("call_state_events");
                    step.remove("status_url");
                }
            }
        }
        for (JsonNode child : node) {
            strip(child);
        }
    }
}
