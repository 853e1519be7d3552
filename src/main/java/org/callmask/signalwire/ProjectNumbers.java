package org.callmask.signalwire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callmask.core.InvalidPhoneNumber;
import org.callmask.core.PhoneNumber;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The project's numbers in SignalWire's REST API ({@code /api/relay/rest/phone_numbers}). */
@Component
class ProjectNumbers {

    private static final String PATH = "/api/relay/rest/phone_numbers";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Pages followed at most: SignalWire allows 1000 numbers per project, 1000 a page. */
    private static final int MAX_PAGES = 50;

    private final SignalWireClient client;

    ProjectNumbers(SignalWireClient client) {
        this.client = client;
    }

    /** The project's number, looked up by the number itself. */
    Optional<ProjectNumber> find(PhoneNumber number) {
        JsonNode answer = client.exchange(SignalWireClient.Call.get(
                "find-number", PATH + "?filter_number=" + SignalWireClient.encode(number.e164())));
        // filter_number matches substrings: keep the number itself only.
        return read(answer).stream().filter(n -> n.number().equals(number)).findFirst();
    }

    /** Every number of the project, following SignalWire's pages. */
    List<ProjectNumber> all() {
        List<ProjectNumber> all = new ArrayList<>();
        Optional<String> page = Optional.of(PATH + "?page_size=1000");
        for (int i = 0; i < MAX_PAGES && page.isPresent(); i++) {
            JsonNode answer = client.exchange(SignalWireClient.Call.get("list-numbers", page.get()));
            List<ProjectNumber> found = read(answer);
            all.addAll(found);
            JsonNode next = answer.path("links").path("next");
            page = found.isEmpty() || !next.isString() ? Optional.empty() : client.sameSpace(next.asString());
        }
        return all;
    }

    /** Points the number's calls at a SWML URL and its messages at a LaML one. */
    ProjectNumber setHandlers(String id, String callUrl, String messageUrl) {
        ObjectNode body = JSON.createObjectNode()
                .put("call_handler", "relay_script")
                .put("call_relay_script_url", callUrl)
                .put("message_handler", "laml_webhooks")
                .put("message_request_url", messageUrl)
                .put("message_request_method", "POST");
        JsonNode answer = client.exchange(SignalWireClient.Call.json(
                "configure-number", "PUT", PATH + "/" + SignalWireClient.encode(id), body, true));
        return number(answer).orElse(null);
    }

    /**
     * Numbers available to buy, in an area code or anywhere SignalWire offers; those it says cannot
     * carry voice or SMS are left out.
     */
    List<PhoneNumber> available(Optional<String> areaCode, int max) {
        String query = "?number_type=local&max_results=" + max
                + areaCode.map(a -> "&areacode=" + SignalWireClient.encode(a)).orElse("");
        JsonNode answer = client.exchange(SignalWireClient.Call.get("search-numbers", PATH + "/search" + query));
        List<PhoneNumber> out = new ArrayList<>();
        JsonNode data = answer.path("data");
        if (data.isArray()) {
            for (JsonNode n : data) {
                JsonNode capabilities = n.path("capabilities");
                boolean carries = !capabilities.isObject()
                        || capabilities.path("voice").asBoolean(true)
                                && capabilities.path("sms").asBoolean(true);
                PhoneNumber number = PhoneNumber.parseOrNull(text(n.path("number")));
                if (carries && number != null) {
                    out.add(number);
                }
            }
        }
        return out;
    }

    /** Buys the number for the project: it is billed from now on. */
    ProjectNumber buy(PhoneNumber number) {
        ObjectNode body = JSON.createObjectNode().put("number", number.e164());
        // Not tried again after a timeout: the purchase may have gone through.
        JsonNode answer = client.exchange(SignalWireClient.Call.json("buy-number", "POST", PATH, body, false));
        return number(answer).orElseGet(() -> new ProjectNumber(null, number, null, null, null, null));
    }

    private static List<ProjectNumber> read(JsonNode answer) {
        List<ProjectNumber> out = new ArrayList<>();
        JsonNode data = answer.path("data");
        if (data.isArray()) {
            data.forEach(n -> number(n).ifPresent(out::add));
        }
        return out;
    }

    private static Optional<ProjectNumber> number(JsonNode node) {
        String id = text(node.path("id"));
        String number = text(node.path("number"));
        if (id == null || number == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProjectNumber(
                    id,
                    PhoneNumber.parse(number),
                    text(node.path("call_handler")),
                    text(node.path("call_relay_script_url")),
                    text(node.path("message_handler")),
                    text(node.path("message_request_url"))));
        } catch (InvalidPhoneNumber e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
