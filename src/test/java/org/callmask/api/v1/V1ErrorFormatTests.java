package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.BASE;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.servicePath;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Errors the framework or the security chain answer before a v1 controller runs are problems too. */
class V1ErrorFormatTests extends IntegrationTest {

    private V1Client api;

    @BeforeEach
    void client() {
        api = new V1Client(http);
    }

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        problem(api.get("/api/v1/nothing-here"), 404, "not-found");
        problem(api.get("/api/v1"), 404, "not-found");
        problem(api.get(servicePath("default") + "/widgets"), 404, "not-found");
        problem(api.post("/api/v1/services/default/numbers/+15551230001/extra", "{}"), 404, "not-found");
    }

    @Test
    void answersAMethodThePathDoesNotTakeWithAProblemListingTheAllowedOnes() {
        Response put = http.send(
                http.request(BASE).header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{}")));
        Response delete = api.delete(BASE);

        problem(put, 405, "method-not-allowed");
        problem(delete, 405, "method-not-allowed");
        assertThat(String.join(",", put.headers().getOrDefault("allow", List.of())))
                .contains("GET")
                .contains("POST");
        problem(api.post(servicePath("default"), "{}"), 405, "method-not-allowed");
    }

    @Test
    void answersABodyThatIsNotJsonWithAnInvalidRequestProblem() {
        assertThat(invalid(api.post(BASE, "{\"unique_name\": "))).containsExactly("");
        assertThat(invalid(api.post(BASE, "unique_name=x"))).containsExactly("");
        assertThat(invalid(api.post(BASE, ""))).containsExactly("");
        assertThat(invalid(api.patch(servicePath("default"), "{\"cool_off\": 1,}")))
                .containsExactly("");
        assertThat(invalid(http.post(V1Client.sessionsPath("default"), "application/json", new byte[] {
                    (byte) 0xff, (byte) 0xfe, '{', '}'
                })))
                .containsExactly("");
    }

    @Test
    void answersABodyOfAnotherContentTypeWithAnUnsupportedMediaTypeProblem() {
        byte[] json = "{\"unique_name\": \"texts\"}".getBytes(StandardCharsets.UTF_8);

        problem(http.post(BASE, "text/plain", json), 415, "unsupported-media-type");
        problem(
                http.postForm(V1Client.numbersPath("default"), Map.of("numbers", "+15551230001")),
                415,
                "unsupported-media-type");
        problem(
                http.send(http.request(servicePath("default"))
                        .header("Content-Type", "application/xml")
                        .method("PATCH", BodyPublishers.ofString("<cool_off>1</cool_off>"))),
                415,
                "unsupported-media-type");
        problem(
                http.send(http.request(BASE).POST(BodyPublishers.ofString("{\"unique_name\": \"texts\"}"))),
                415,
                "unsupported-media-type");
        problem(api.get(servicePath("texts")), 404, "not-found");
    }

    @Test
    void answersAProblemWhateverTheClientAccepts() {
        Response answer = http.send(http.request(servicePath("nobody"))
                .header("Accept", "text/html")
                .GET());

        assertThat(answer.status()).isIn(404, 406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Nested
    @TestPropertySource(properties = "callmask.api.keys=first-key-0123456789, second-key-0123456789")
    class WithApiKeys extends IntegrationTest {

        @Test
        void refusesARequestWithoutAKeyWithAnUnauthorizedProblem() {
            Response refused = http.get(BASE);

            problem(refused, 401, "unauthorized");
            assertThat(refused.headers().get("www-authenticate")).anyMatch(h -> h.startsWith("Bearer"));
            problem(http.postJson(BASE, "{\"unique_name\": \"sneaky\"}"), 401, "unauthorized");
            problem(http.get("/api/v1/nothing-here"), 401, "unauthorized");
        }

        @Test
        void refusesAWrongKeyWithAnUnauthorizedProblem() {
            problem(
                    http.send(http.request(BASE)
                            .header("Authorization", "Bearer first-key-012345678")
                            .GET()),
                    401,
                    "unauthorized");
        }

        @Test
        void servesARequestWithAKey() {
            Response answer = http.send(http.request(BASE)
                    .header("Authorization", "Bearer second-key-0123456789")
                    .GET());

            assertThat(ok(answer).<List<String>>read("$.items[*].unique_name")).contains("default");
        }
    }
}
