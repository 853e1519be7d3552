package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.callmask.support.SignalWireFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published SignalWire signature vector, checked against its published result, and the ways a
 * forgery differs from them. The one published result the service deliberately does not share has
 * a test of its own.
 */
class WebhookSignatureTests {

    private static final JsonNode VECTORS =
            JsonMapper.builder().build().readTree(SignalWireFiles.read("signature-vectors.json"));

    /**
     * The form vector that only SignalWire's JavaScript validator accepts: it is signed over the URL
     * without its non-standard port.
     */
    private static final String JAVASCRIPT_ONLY_URL = "https://mycompany.com:1234/myapp.php?foo=1&bar=2";

    @Test
    void acceptsTheJsonVectorsSignedWithSha1() {
        for (JsonNode v : VECTORS.get("schemeA_json")) {
            var signature = new WebhookSignature(v.get("signingKey").asString());
            assertThat(signature.matchesJsonSha1(
                            v.get("url").asString(),
                            bytes(v.get("rawBody").asString()),
                            v.get("expectedSignature").asString()))
                    .as(v.get("name").asString())
                    .isTrue();
        }
    }

    @Test
    void rejectsEveryPublishedNegativeCaseOfTheJsonVectors() {
        int cases = 0;
        for (JsonNode v : VECTORS.get("schemeA_json")) {
            for (JsonNode negative : v.path("negativeCases")) {
                String key = v.get("signingKey").asString();
                String url = v.get("url").asString();
                String body = v.get("rawBody").asString();
                String expected = v.get("expectedSignature").asString();
                String[] change = negative.get("change").asString().split(" = ", 2);
                switch (change[0]) {
                    case "signingKey" -> key = change[1];
                    case "url" -> url = change[1];
                    case "rawBody" -> body = change[1];
                    case "signature" -> expected = change[1];
                    default -> throw new IllegalStateException("Unknown change in the vectors: " + negative);
                }
                assertThat(new WebhookSignature(key).matchesJsonSha1(url, bytes(body), expected))
                        .as(v.get("name").asString() + ", "
                                + negative.get("change").asString())
                        .isEqualTo(negative.get("valid").asBoolean());
                cases++;
            }
        }
        assertThat(cases).as("published negative cases").isEqualTo(4);
    }

    @Test
    void rejectsAMissingJsonSignature() {
        JsonNode real = VECTORS.get("schemeA_json").get(1);

        assertThat(new WebhookSignature(real.get("signingKey").asString())
                        .matchesJsonSha1(
                                real.get("url").asString(),
                                bytes(real.get("rawBody").asString()),
                                null))
                .isFalse();
    }

    @Test
    void acceptsTheDerivedSha256VectorsAndRejectsAChangedBody() {
        for (JsonNode v : VECTORS.get("schemeA_sha256_derived")) {
            String key = v.get("signingKey").asString();
            String url = v.get("url").asString();
            String body = jsonVectorSignedBy(key, url).get("rawBody").asString();
            var signature = new WebhookSignature(key);
            assertThat(signature.matchesJsonSha256(
                            url, bytes(body), v.get("expectedSignature").asString()))
                    .as(v.get("name").asString())
                    .isTrue();
            assertThat(signature.matchesJsonSha256(
                            url, bytes(body + " "), v.get("expectedSignature").asString()))
                    .as("changed body for " + v.get("name").asString())
                    .isFalse();
        }
    }

    @Test
    void checksEveryFormVectorWithItsPublishedResultButTheJavascriptOnlyOne() {
        JsonNode scheme = VECTORS.get("schemeB_form");
        var signature = new WebhookSignature(scheme.get("signingKey").asString());
        int checked = 0;
        for (JsonNode v : scheme.get("vectors")) {
            String url = v.get("url").asString();
            if (url.equals(JAVASCRIPT_ONLY_URL)) {
                continue;
            }
            boolean valid = !v.has("valid") || v.get("valid").asBoolean();
            assertThat(signature.matchesForm(url, params(scheme, v), expectedSignature(v)))
                    .as(url + " " + v.path("note").asString(""))
                    .isEqualTo(valid);
            checked++;
        }
        assertThat(checked)
                .as("form vectors checked, all but the JavaScript-only one")
                .isEqualTo(scheme.get("vectors").size() - 1);
    }

    @Test
    void rejectsTheJavascriptOnlyVectorThatStripsANonStandardPortUnlikeThePublishedExpectation() {
        JsonNode scheme = VECTORS.get("schemeB_form");
        List<JsonNode> matching = new ArrayList<>();
        scheme.get("vectors").forEach(v -> {
            if (v.get("url").asString().equals(JAVASCRIPT_ONLY_URL)) {
                matching.add(v);
            }
        });
        assertThat(matching).hasSize(1);
        JsonNode vector = matching.get(0);
        assertThat(vector.has("valid")).as("published as a valid signature").isFalse();
        assertThat(vector.get("note").asString()).startsWith("JS-ONLY");
        var signature = new WebhookSignature(scheme.get("signingKey").asString());
        var params = params(scheme, vector);

        // It is the signature of the URL without its port, which JavaScript's validator also tries;
        assertThat(signature.matchesForm(
                        "https://mycompany.com/myapp.php?foo=1&bar=2", params, expectedSignature(vector)))
                .isTrue();
        // the service keeps a non-standard port in the signed URL, as the porting-spec validators do.
        assertThat(signature.matchesForm(JAVASCRIPT_ONLY_URL, params, expectedSignature(vector)))
                .isFalse();
    }

    @Test
    void signsRepeatedFieldsInTheOrderReceived() {
        var signature = new WebhookSignature("12345");
        String url = "https://example.com/texts/route";
        var ab = List.of(Map.entry("To", "a"), Map.entry("To", "b"));
        var ba = List.of(Map.entry("To", "b"), Map.entry("To", "a"));
        String signedAb = sign(url + "ToaTob");

        assertThat(signature.matchesForm(url, ab, signedAb)).isTrue();
        assertThat(signature.matchesForm(url, ba, signedAb)).isFalse();
    }

    @Test
    void checksTheBodyHashVectorsAndRejectsAChangedBody() {
        for (JsonNode v : VECTORS.get("schemeB_bodySHA256")) {
            var signature = new WebhookSignature(v.get("signingKey").asString());
            String url = v.get("url").asString();
            assertThat(signature.matchesBodyHash(
                            url,
                            bytes(v.get("rawBody").asString()),
                            v.get("expectedSignature").asString()))
                    .as(url)
                    .isTrue();
            assertThat(signature.matchesBodyHash(
                            url,
                            bytes("{\"event\":\"DIFFERENT\"}"),
                            v.get("expectedSignature").asString()))
                    .as("changed body for " + url)
                    .isFalse();
        }
    }

    /** The SHA-1 JSON vector with this key and URL, whose body a derived vector signs. */
    private static JsonNode jsonVectorSignedBy(String key, String url) {
        for (JsonNode v : VECTORS.get("schemeA_json")) {
            if (v.get("signingKey").asString().equals(key)
                    && v.get("url").asString().equals(url)) {
                return v;
            }
        }
        throw new IllegalStateException("No JSON vector with key " + key + " and URL " + url);
    }

    private static String expectedSignature(JsonNode vector) {
        return vector.has("expectedSignature")
                ? vector.get("expectedSignature").asString()
                : vector.get("signature").asString();
    }

    private static List<Map.Entry<String, String>> params(JsonNode scheme, JsonNode vector) {
        return vector.get("params").isString() ? fields(scheme.get("defaultParams")) : fields(vector.get("params"));
    }

    private static String sign(String data) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(bytes("12345"), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(bytes(data)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map.Entry<String, String>> fields(JsonNode params) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (var entry : params.properties()) {
            if (entry.getValue().isArray()) {
                for (JsonNode value : entry.getValue()) {
                    out.add(Map.entry(entry.getKey(), value.asString()));
                }
            } else {
                out.add(Map.entry(entry.getKey(), entry.getValue().asString()));
            }
        }
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
