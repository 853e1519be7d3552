package org.callmask.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callmask.pool.Shortage;
import org.callmask.session.ProxyNumberRefused;
import org.callmask.support.HttpTestClient;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The v1 part of the OpenAPI description: every field, filter and error with examples, and the
 * examples the same as what the API answers.
 */
class V1ApiDocsTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String URN = "urn:callmask:problem:";

    /** Every problem type v1 answers with: Problems.java, FrameworkProblems.java and the security refusals. */
    private static final List<String> PROBLEM_TYPES = List.of(
            "invalid-request",
            "not-found",
            "unsupported-media-type",
            "method-not-allowed",
            "not-acceptable",
            "unauthorized",
            "service-name-taken",
            "built-in-service",
            "service-has-open-sessions",
            "number-in-another-service",
            "number-in-use",
            "pool-empty",
            "all-numbers-reserved",
            "no-number-with-capability",
            "no-number-in-country",
            "no-number-in-area-code",
            "all-numbers-paired",
            "proxy-number-not-in-pool",
            "proxy-number-lacks-capability",
            "proxy-number-other-country",
            "proxy-number-other-area-code",
            "proxy-number-full",
            "proxy-number-already-paired",
            "proxy-number-cooling-off",
            "unique-name-taken",
            "session-closed",
            "participant-limit",
            "duplicate-participant",
            "expires-at-passed",
            "store-unavailable",
            "mode-not-allowed",
            "participant-removed",
            "no-other-participant",
            "signalwire-not-configured",
            "signalwire-error",
            "signalwire-unavailable",
            "idempotency-key-in-use",
            "idempotency-key-reused");

    /** Answered before any operation is chosen, so no operation lists them; the API's description does. */
    private static final Set<String> ANSWERED_FOR_EVERY_PATH = Set.of("method-not-allowed", "not-acceptable");

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z]+(?:-[a-z]+)*");

    @Test
    void theListOfProblemTypesCoversEveryShortageAndRefusalTheDomainCanRaise() {
        for (Shortage shortage : Shortage.values()) {
            assertThat(PROBLEM_TYPES).contains(shortage.wire());
        }
        for (ProxyNumberRefused.Reason reason : ProxyNumberRefused.Reason.values()) {
            assertThat(PROBLEM_TYPES)
                    .contains("proxy-number-"
                            + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    @Test
    void everyProblemTypeIsNamedInTheDescription() {
        String docs = http.get("/v3/api-docs").body();
        String typeDescription = JSON.readTree(docs)
                .at("/components/schemas/Problem/properties/type/description")
                .asString("");

        for (String type : PROBLEM_TYPES) {
            assertThat(docs).as(type).contains(type);
            assertThat(namesIn(typeDescription))
                    .as("Problem.type lists " + type)
                    .contains(type);
        }
        assertThat(namesIn(typeDescription)).containsExactlyInAnyOrderElementsOf(PROBLEM_TYPES);
    }

    @Test
    void everyProblemTypeAnOperationCanAnswerHasAnExampleInSomeOperation() {
        Set<String> shown = new HashSet<>();
        forEachV1Operation((route, op) -> problemExamples(op).forEach(e -> shown.add(typeOf(e.value()))));

        Set<String> expected = new HashSet<>(PROBLEM_TYPES);
        expected.removeAll(ANSWERED_FOR_EVERY_PATH);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(http.get("/v3/api-docs").body()).contains("405 method-not-allowed");
    }

    @Test
    void everyProblemExampleIsAProblemOfItsResponsesStatusWithTheTitleOfItsType() {
        Map<String, String> titles = new HashMap<>();
        forEachV1Operation((route, op) -> {
            for (Example example : problemExamples(op)) {
                JsonNode value = example.value();
                String where = route + " " + example.status() + " " + example.name();
                assertThat(value.path("type").asString()).as(where).startsWith(URN);
                assertThat(PROBLEM_TYPES).as(where).contains(typeOf(value));
                assertThat(value.path("status").asInt()).as(where).isEqualTo(Integer.parseInt(example.status()));
                assertThat(value.path("detail").asString("")).as(where).isNotBlank();
                String title =
                        titles.putIfAbsent(typeOf(value), value.path("title").asString());
                if (title != null) {
                    assertThat(value.path("title").asString()).as(where).isEqualTo(title);
                }
                if (typeOf(value).equals("invalid-request")) {
                    assertThat(value.path("errors").isEmpty())
                            .as(where + " errors")
                            .isFalse();
                    for (JsonNode error : value.path("errors")) {
                        assertThat(error.has("field") && error.has("message"))
                                .as(where)
                                .isTrue();
                    }
                }
            }
        });
        assertThat(titles).isNotEmpty();
    }

    @Test
    void everyConflictNamesTheProblemTypesItCanAnswerAndShowsOnlyThose() {
        forEachV1Operation((route, op) -> {
            JsonNode conflict = op.path("responses").path("409");
            if (conflict.isMissingNode()) {
                return;
            }
            Set<String> named =
                    new HashSet<>(namesIn(conflict.path("description").asString("")));
            named.retainAll(PROBLEM_TYPES);
            assertThat(named).as(route + " 409 names its types").isNotEmpty();
            List<Example> examples = problemExamples(op).stream()
                    .filter(e -> e.status().equals("409"))
                    .toList();
            assertThat(examples).as(route + " 409 examples").isNotEmpty();
            for (Example example : examples) {
                assertThat(named).as(route + " 409 " + example.name()).contains(typeOf(example.value()));
                assertThat(example.name()).isEqualTo(typeOf(example.value()));
            }
        });
    }

    @Test
    void everyOperationDescribesItsAnswersWithExamples() {
        forEachV1Operation((route, op) -> {
            assertThat(op.path("summary").asString("")).as(route).isNotBlank();
            assertThat(op.path("description").asString("")).as(route).isNotBlank();
            JsonNode responses = op.path("responses");
            assertThat(responses.has("401")).as(route + " 401").isTrue();
            assertThat(responses.has("503")).as(route + " 503").isTrue();
            assertThat(responses.properties().stream().anyMatch(r -> r.getKey().startsWith("2")))
                    .as(route + " success")
                    .isTrue();
            if (route.contains("{")) {
                assertThat(responses.has("404")).as(route + " 404").isTrue();
            }
            if (op.has("requestBody")) {
                for (String status : List.of("400", "413", "415")) {
                    assertThat(responses.has(status)).as(route + " " + status).isTrue();
                }
                JsonNode content = op.at("/requestBody/content/application~1json");
                assertThat(content.path("schema").path("$ref").asString(""))
                        .as(route + " request schema")
                        .isNotBlank();
                assertThat(content.path("examples").isEmpty())
                        .as(route + " request examples")
                        .isFalse();
            }
            for (JsonNode parameter : op.path("parameters")) {
                if (parameter.path("in").asString().equals("query")) {
                    assertThat(responses.has("400"))
                            .as(route + " 400 for " + parameter.path("name"))
                            .isTrue();
                }
            }
            for (var response : responses.properties()) {
                String where = route + " " + response.getKey();
                assertThat(response.getValue().path("description").asString(""))
                        .as(where)
                        .isNotBlank();
                if (response.getKey().equals("204")) {
                    assertThat(response.getValue().path("content").isEmpty())
                            .as(where)
                            .isTrue();
                    continue;
                }
                assertThat(response.getValue().path("content").isEmpty())
                        .as(where + " content")
                        .isFalse();
                JsonNode problem = response.getValue().path("content").path(PROBLEM_JSON);
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    if (!response.getKey().equals("413")) {
                        assertThat(problem.path("schema").path("$ref").asString(""))
                                .as(where)
                                .endsWith("/Problem");
                    }
                    assertThat(response.getValue().toString())
                            .as(where + " example")
                            .contains("\"examples\"");
                }
            }
            assertThat(op.toString()).as(route + " has an example").contains("\"examples\"");
        });
    }

    @Test
    void everyParameterIsDescribedWithAnExample() {
        forEachV1Operation((route, op) -> {
            for (JsonNode parameter : op.path("parameters")) {
                String where = route + " " + parameter.path("name").asString();
                assertThat(parameter.path("description").asString("")).as(where).isNotBlank();
                if (!parameter.path("name").asString().equals("page_token")) {
                    assertThat(parameter.has("example")).as(where + " example").isTrue();
                }
            }
        });
    }

    @Test
    void everyFieldOfEveryRequestAndAnswerIsDescribedWithAnExample() {
        JsonNode docs = JSON.readTree(http.get("/v3/api-docs").body());
        JsonNode schemas = docs.at("/components/schemas");
        Set<String> requestSchemas = new HashSet<>();
        Set<String> reachable = new HashSet<>();
        forEachV1Operation((route, op) -> {
            String request =
                    op.at("/requestBody/content/application~1json/schema/$ref").asString("");
            if (!request.isEmpty()) {
                requestSchemas.add(schemaName(request));
            }
            reachable.addAll(referencedSchemas(op, schemas));
        });
        assertThat(requestSchemas)
                .contains(
                        "CreateServiceRequest",
                        "ChangeServiceRequest",
                        "AddNumbersToServiceRequest",
                        "ChangeNumberRequest",
                        "OpenSessionRequest",
                        "ChangeSessionRequest",
                        "ParticipantRequest");
        assertThat(reachable)
                .contains(
                        "NumberEntry",
                        "OutOfSessionRequest",
                        "VoiceRequest",
                        "VoiceOverridesRequest",
                        "Problem",
                        "ProblemFieldError",
                        "Service",
                        "Number",
                        "Session",
                        "Participant",
                        "Interaction",
                        "InteractionStatus");

        for (String name : reachable) {
            JsonNode schema = schemas.path(name);
            assertThat(schema.path("description").asString("")).as(name).isNotBlank();
            for (var property : schema.path("properties").properties()) {
                String where = name + "." + property.getKey();
                JsonNode field = property.getValue();
                assertThat(field.path("description").asString("")).as(where).isNotBlank();
                boolean object = field.has("$ref") || field.path("items").has("$ref");
                if (!object) {
                    assertThat(field.has("example")).as(where + " example").isTrue();
                }
            }
        }
    }

    @Test
    void aListDescribesItsOwnKindOfItem() {
        Map<String, String> items = Map.of(
                "/api/v1/services", "Service",
                "/api/v1/services/{service}/numbers", "Number",
                "/api/v1/services/{service}/sessions", "Session",
                "/api/v1/services/{service}/sessions/{session}/participants", "Participant",
                "/api/v1/services/{service}/interactions", "Interaction",
                "/api/v1/services/{service}/sessions/{session}/interactions", "Interaction",
                "/api/v1/services/{service}/events", "Event");
        JsonNode docs = JSON.readTree(http.get("/v3/api-docs").body());
        items.forEach((path, item) -> {
            String page = docs.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content/application~1json"
                            + "/schema/$ref")
                    .asString("");
            String ref = docs.at("/components/schemas/" + schemaName(page) + "/properties/items/items/$ref")
                    .asString("");
            assertThat(ref).as(path).isEqualTo("#/components/schemas/" + item);
        });
        assertThat(docs.at("/components/schemas").has("JsonNode")).isFalse();
    }

    @Test
    void theNotFoundExampleIsWhatAnUnknownServiceAnswers() {
        var answer = http.get("/api/v1/services/deliveries");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(problem(answer)).isEqualTo(example("GET", "/api/v1/services/{service}", "404", "not-found"));
    }

    @Test
    void theInvalidRequestExamplesAreWhatTheseBodiesAnswer() {
        var service = http.postJson(
                "/api/v1/services",
                "{\"unique_name\": \"deliveries\", \"colour\": \"blue\", \"voice\": {\"ring_timeout\": 1}}");
        assertThat(service.status()).isEqualTo(400);
        assertThat(problem(service)).isEqualTo(example("POST", "/api/v1/services", "400", "invalid-request"));

        assertThat(http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}")
                        .status())
                .isEqualTo(201);
        var session = http.postJson(
                "/api/v1/services/deliveries/sessions",
                "{\"ttl\": -1, \"participants\": [{\"number\": \"+15559990000\"}, {\"number\": \"12\"}]}");
        assertThat(session.status()).isEqualTo(400);
        assertThat(problem(session))
                .isEqualTo(example("POST", "/api/v1/services/{service}/sessions", "400", "invalid-request"));
    }

    @Test
    void theServiceConflictExamplesAreWhatTheApiAnswers() {
        assertThat(http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}")
                        .status())
                .isEqualTo(201);

        var taken = http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(problem(taken)).isEqualTo(example("POST", "/api/v1/services", "409", "service-name-taken"));

        var builtIn = http.delete("/api/v1/services/default");
        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(problem(builtIn))
                .isEqualTo(example("DELETE", "/api/v1/services/{service}", "409", "built-in-service"));
    }

    @Test
    void theSessionAndNumberConflictExamplesAreWhatTheApiAnswers() {
        assertThat(http.postJson("/api/v1/services", "{\"unique_name\": \"deliveries\"}")
                        .status())
                .isEqualTo(201);
        String sessions = "/api/v1/services/deliveries/sessions";

        var empty = http.postJson(sessions, "{\"participants\": [{\"number\": \"+15559990000\"}]}");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(problem(empty))
                .isEqualTo(example("POST", "/api/v1/services/{service}/sessions", "409", "pool-empty"));

        assertThat(http.postJson("/api/v1/services/deliveries/numbers", "{\"numbers\": [\"+14155550100\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson(
                                sessions,
                                "{\"unique_name\": \"order-1234\", \"participants\": [{\"number\": \"+15559990000\"}]}")
                        .status())
                .isEqualTo(201);
        var nameTaken = http.postJson(
                sessions, "{\"unique_name\": \"order-1234\", \"participants\": [{\"number\": \"+15558001234\"}]}");
        assertThat(nameTaken.status()).isEqualTo(409);
        assertThat(problem(nameTaken))
                .isEqualTo(example("POST", "/api/v1/services/{service}/sessions", "409", "unique-name-taken"));

        var asked = http.postJson(
                sessions, "{\"participants\": [{\"number\": \"+15558001234\", \"proxy_number\": \"+14155550199\"}]}");
        assertThat(asked.status()).isEqualTo(409);
        assertThat(problem(asked))
                .isEqualTo(example("POST", "/api/v1/services/{service}/sessions", "409", "proxy-number-not-in-pool"));

        assertThat(http.postJson(sessions, "{\"participants\": [{\"number\": \"+15558001234\"}]}")
                        .status())
                .isEqualTo(201);
        var inUse = http.delete("/api/v1/services/deliveries/numbers/+14155550100");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(problem(inUse))
                .isEqualTo(example("DELETE", "/api/v1/services/{service}/numbers/{number}", "409", "number-in-use"));
    }

    // ---- reading the description ----

    private record Example(String status, String name, JsonNode value) {}

    private void forEachV1Operation(BiConsumer<String, JsonNode> check) {
        JsonNode paths = JSON.readTree(http.get("/v3/api-docs").body()).path("paths");
        int operations = 0;
        for (var path : paths.properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                check.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
                operations++;
            }
        }
        assertThat(operations).as("v1 operations").isEqualTo(30);
    }

    private static List<Example> problemExamples(JsonNode op) {
        List<Example> out = new ArrayList<>();
        for (var response : op.path("responses").properties()) {
            for (var example : response.getValue()
                    .path("content")
                    .path(PROBLEM_JSON)
                    .path("examples")
                    .properties()) {
                JsonNode value = example.getValue().path("value");
                out.add(new Example(
                        response.getKey(),
                        example.getKey(),
                        value.isString() ? JSON.readTree(value.asString()) : value));
            }
        }
        return out;
    }

    private JsonNode example(String method, String path, String status, String name) {
        JsonNode docs = JSON.readTree(http.get("/v3/api-docs").body());
        JsonNode value = docs.path("paths")
                .path(path)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(status)
                .path("content")
                .path(PROBLEM_JSON)
                .path("examples")
                .path(name)
                .path("value");
        assertThat(value.isMissingNode())
                .as(method + " " + path + " " + status + " " + name)
                .isFalse();
        return value;
    }

    private static JsonNode problem(HttpTestClient.Response answer) {
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        return JSON.readTree(answer.body());
    }

    private static String typeOf(JsonNode problem) {
        return problem.path("type").asString("").substring(URN.length());
    }

    private static Set<String> namesIn(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = TYPE_NAME.matcher(text);
        while (m.find()) {
            if (PROBLEM_TYPES.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static String schemaName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The component schemas an operation refers to, and those they refer to in turn. */
    private static Set<String> referencedSchemas(JsonNode op, JsonNode schemas) {
        Set<String> seen = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(op));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                String ref = node.path("$ref").asString("");
                if (ref.startsWith("#/components/schemas/") && seen.add(schemaName(ref))) {
                    todo.push(schemas.path(schemaName(ref)));
                }
                node.properties().forEach(e -> todo.push(e.getValue()));
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
        return seen;
    }
}
