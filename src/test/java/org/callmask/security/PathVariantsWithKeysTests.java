package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.callmask.security.PathVariants.Attempt;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * With API keys and a Signing Key set, no spelling of a protected path reaches its route without a
 * key or a signature: each is refused, and no answer or log line carries a number.
 */
@TestPropertySource(
        properties = {
            "callmask.api.keys=" + PathVariantsWithKeysTests.KEY,
            "callmask.signalwire.signing-key=PSK_7TruNcSNTxp4zNrykMj4EPzF",
            "callmask.public-url=https://abc.ngrok.app"
        })
@ExtendWith(OutputCaptureExtension.class)
class PathVariantsWithKeysTests extends IntegrationTest {

    static final String KEY = "path-variants-key-0123456789";
    static final String ATTACKER = "+15550006666";

    @Test
    void refusesEverySpellingOfEveryProtectedPathWithoutAKeyOrSignature(CapturedOutput output) {
        aMaskWithTheKey();
        RawHttp raw = new RawHttp(port);
        int tried = 0;
        for (Attempt canonical : PathVariants.protectedAttempts(CLIENT, CONTRACTOR, PROXY, ATTACKER)) {
            for (Attempt attempt : concat(canonical, PathVariants.variantsOf(canonical))) {
                Response answer = raw.send(attempt.method(), attempt.path(), attempt.headers(), attempt.bodyBytes());

                assertThat(answer.status())
                        .as("%s %s", attempt.method(), attempt.path())
                        .isBetween(400, 499);
                assertNoNumberIn(answer.body(), attempt);
                tried++;
            }
        }

        assertThat(tried).isGreaterThan(150);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .as("no mask was opened for the attacker")
                .isEqualTo(1L);
        assertThat(output.getAll()).doesNotContain(CLIENT, CONTRACTOR, ATTACKER, PROXY.substring(1));
    }

    @Test
    void answersEverySpellingWithTheKeyEitherAsTheCanonicalRouteOrWithAnError() {
        aMaskWithTheKey();
        RawHttp raw = new RawHttp(port);
        Map<String, String> withKey = Map.of("Authorization", "Bearer " + KEY);
        Attempt pool = new Attempt("GET", "/api/rest/numberPool", null, "");
        Response canonical = raw.send("GET", pool.path(), withKey, new byte[0]);
        assertThat(canonical.status()).isEqualTo(200);

        for (Attempt attempt : PathVariants.variantsOf(pool)) {
            Response answer = raw.send("GET", attempt.path(), withKey, new byte[0]);

            if (answer.status() != 400 && answer.status() != 404) {
                assertThat(answer.body()).as(attempt.path()).isEqualTo(canonical.body());
            }
        }
    }

    private void aMaskWithTheKey() {
        RawHttp raw = new RawHttp(port);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + KEY, "Content-Type", "application/json");
        assertThat(raw.send(
                                "POST",
                                "/api/rest/numberPool",
                                headers,
                                ("{\"phone_numbers\":\"" + PROXY + "\"}").getBytes())
                        .status())
                .isEqualTo(200);
        assertThat(raw.send(
                                "POST",
                                "/api/rest/numberMask",
                                headers,
                                ("{\"client_number\":\"" + CLIENT + "\",\"contractor_number\":\"" + CONTRACTOR + "\"}")
                                        .getBytes())
                        .status())
                .isEqualTo(200);
    }

    static void assertNoNumberIn(String body, Attempt attempt) {
        assertThat(body)
                .as("%s %s", attempt.method(), attempt.path())
                .doesNotContain(CLIENT, CONTRACTOR, ATTACKER, PROXY.substring(1));
    }

    static List<Attempt> concat(Attempt first, List<Attempt> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
