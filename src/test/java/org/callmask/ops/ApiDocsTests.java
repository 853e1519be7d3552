package org.callmask.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocsTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void describesEveryAdminRouteWithItsRequestsResponsesAndErrors() {
        var docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).get("paths");

        Set<String> documented = new HashSet<>();
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                String route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(route);
                JsonNode op = operation.getValue();
                assertThat(op.path("summary").asString(""))
                        .as(route + " summary")
                        .isNotBlank();
                assertThat(op.path("description").asString(""))
                        .as(route + " description")
                        .isNotBlank();
                assertThat(op.path("responses").size()).as(route + " responses").isGreaterThan(0);
                for (var response : op.path("responses").properties()) {
                    assertThat(response.getValue().path("description").asString(""))
                            .as(route + " " + response.getKey())
                            .isNotBlank();
                }
                for (JsonNode parameter : op.path("parameters")) {
                    assertThat(parameter.path("description").asString(""))
                            .as(route + " " + parameter.path("name"))
                            .isNotBlank();
                }
                if (op.has("requestBody")) {
                    assertThat(op.get("requestBody").toString())
                            .as(route + " request body")
                            .contains("$ref");
                }
            }
        }

        Set<String> routes = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        });
        assertThat(routes).isNotEmpty();
        assertThat(documented).containsAll(routes);
    }

    @Test
    void servesABrowsableUiAtDocs() {
        var ui = http.send(http.request("/docs").GET());
        assertThat(ui.status()).isIn(200, 302);
        var page = http.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
