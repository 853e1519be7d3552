package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callmask.support.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every published SignalWire signature vector, and the ways a forgery differs from them. */
class WebhookSignatureTests {

    private static JsonNode VECTORS;

    @BeforeAll
    static void loadVectors() throws IOException {
        VECTORS = JsonMapper.builder()
                .build()
                .readTree(Files.readString(SharedFiles.signalwire("signature-vectors.json")));
    }

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
    void rejectsTheJsonVectorsNegativeCases() {
        JsonNode real = VECTORS.get("schemeA_json").get(1);
        String key = real.get("signingKey").asString();
        String url = real.get("url").asString();
        byte[] body = bytes(real.get("rawBody").asString());
        String good = real.get("expectedSignature").asString();

        assertThat(new WebhookSignature("PSK_foo").matchesJsonSha1(url, body, good))
                .isFalse();
        assertThat(new WebhookSignature(key).matchesJsonSha1(url, bytes("{\"foo\":\"bar\"}"), good))
                .isFalse();
        assertThat(new WebhookSignature(key).matchesJsonSha1(url + "bar?q=hello", body, good))
                .isFalse();
        assertThat(new WebhookSignature(key).matchesJsonSha1(url, body, "touched!"))
                .isFalse();
        assertThat(new WebhookSignature(key).matchesJsonSha1(url, body, null)).isFalse();
    }

    @Test
    void acceptsTheSha256Variants() {
        List<JsonNode> json = list(VECTORS.get("schemeA_json"));
        for (JsonNode v : VECTORS.get("schemeA_sha256_derived")) {
            JsonNode base = v.get("url").asString().contains("ngrok-free") ? json.get(1) : json.get(0);
            var signature = new WebhookSignature(v.get("signingKey").asString());
            assertThat(signature.matchesJsonSha256(
                            v.get("url").asString(),
                            bytes(base.get("rawBody").asString()),
                            v.get("expectedSignature").asString()))
                    .as(v.get("name").asString())
                    .isTrue();
            assertThat(signature.matchesJsonSha256(
                            v.get("url").asString(),
                            bytes(base.get("rawBody").asString() + " "),
                            v.get("expectedSignature").asString()))
                    .isFalse();
        }
    }

    @Test
    void checksTheFormVectorsWithStandardPortsAddedOrRemovedAndOtherPortsKept() {
        JsonNode scheme = VECTORS.get("schemeB_form");
        var signature = new WebhookSignature(scheme.get("signingKey").asString());
        for (JsonNode v : scheme.get("vectors")) {
            String url = v.get("url").asString();
            String expected = v.has("expectedSignature")
                    ? v.get("expectedSignature").asString()
                    : v.get("signature").asString();
            boolean valid = !v.has("valid") || v.get("valid").asBoolean();
            // Decided: a non-standard port stays in the signed URL, as the porting-spec validators do.
            if (url.startsWith("https://mycompany.com:1234/")) {
                valid = false;
            }
            List<Map.Entry<String, String>> params =
                    v.get("params").isString() ? fields(scheme.get("defaultParams")) : fields(v.get("params"));
            assertThat(signature.matchesForm(url, params, expected))
                    .as(url + " " + v.path("note").asString(""))
                    .isEqualTo(valid);
        }
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

    private static String sign(String data) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(bytes("12345"), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(bytes(data)));
        } catch (Exception e) {
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

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
