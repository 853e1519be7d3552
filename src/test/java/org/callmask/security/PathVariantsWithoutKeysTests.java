package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.callmask.security.PathVariants.Attempt;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With no API key and no Signing Key (the local tour), a spelling of a protected path answers
 * exactly as the canonical route does for the same caller, or is refused: the admin API stays
 * closed to a caller behind a proxy however the path is written.
 */
class PathVariantsWithoutKeysTests extends IntegrationTest {

    private static final String ATTACKER = "+15550006666";

    private RawHttp raw;

    @BeforeEach
    void aMask() {
        poolOf(PROXY, "+15551232222");
        openMask(CLIENT, CONTRACTOR);
        raw = new RawHttp(port);
    }

    @Test
    void keepsTheAdminRoutesClosedToACallerBehindAProxyWhateverTheSpelling() {
        for (Attempt canonical : PathVariants.protectedAttempts(CLIENT, CONTRACTOR, PROXY, ATTACKER)) {
            boolean webhook =
                    canonical.path().startsWith("/calls") || canonical.path().startsWith("/texts");
            Response expected = send(canonical, true);
            if (!webhook) {
                assertThat(expected.status()).as(canonical.path()).isEqualTo(401);
            }
            for (Attempt attempt : PathVariants.variantsOf(canonical)) {
                Response answer = send(attempt, true);

                assertSameOrRefused(answer, expected, attempt, webhook);
                if (!webhook) {
                    PathVariantsWithKeysTests.assertNoNumberIn(answer.body(), attempt);
                }
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void answersTheLocalOperatorAsTheCanonicalRouteWouldOrRefusesTheSpelling() {
        for (Attempt canonical : PathVariants.protectedAttempts(CLIENT, CONTRACTOR, PROXY, ATTACKER)) {
            Response expected = send(canonical, false);
            assertThat(expected.status()).as(canonical.path()).isEqualTo(200);
            // Metrics change between two reads; every other protected answer is stable.
            boolean stable = !canonical.path().equals("/actuator/prometheus");
            for (Attempt attempt : PathVariants.variantsOf(canonical)) {
                assertSameOrRefused(send(attempt, false), expected, attempt, stable);
            }
        }
    }

    private Response send(Attempt attempt, boolean throughAProxy) {
        Map<String, String> headers = new HashMap<>(attempt.headers());
        if (throughAProxy) {
            headers.put("X-Forwarded-For", "203.0.113.7");
        }
        return raw.send(attempt.method(), attempt.path(), headers, attempt.bodyBytes());
    }

    private static void assertSameOrRefused(Response answer, Response canonical, Attempt attempt, boolean sameBody) {
        String what = attempt.method() + " " + attempt.path();
        if (answer.status() >= 400 && answer.status() < 500) {
            assertThat(answer.body()).as(what).doesNotContain(CLIENT, CONTRACTOR, ATTACKER);
            return;
        }
        assertThat(answer.status()).as(what).isEqualTo(canonical.status());
        if (sameBody) {
            assertThat(answer.body()).as(what).isEqualTo(canonical.body());
        }
    }
}
