package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.callmask.support.IntegrationTest;
import org.callmask.support.RawHttp;
import org.callmask.support.RawHttp.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Health is open to anyone, as a load balancer needs it, but only an admin sees what is behind
 * the status: the database, the disk and its path, whether signatures are checked.
 */
class HealthExposureTests {

    private static final String[] PROBES = {
        "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"
    };

    @Nested
    @TestPropertySource(properties = "callmask.api.keys=" + WithKeys.KEY)
    class WithKeys extends IntegrationTest {

        static final String KEY = "health-exposure-key-0123456789";

        @Test
        void showsAnAnonymousCallerTheStatusAlone() {
            for (String probe : PROBES) {
                Response answer = new RawHttp(port).get(probe, Map.of());

                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            }
        }

        @Test
        void showsAnAdminTheDetails() {
            Response answer = new RawHttp(port).get("/actuator/health", Map.of("Authorization", "Bearer " + KEY));

            assertThat(answer.status()).isEqualTo(200);
            assertThat((Boolean) JsonPath.read(answer.body(), "$.components.webhookSignatures.details.checked"))
                    .isFalse();
            assertThat((String) JsonPath.read(answer.body(), "$.components.db.status"))
                    .isEqualTo("UP");
        }
    }

    @Nested
    class WithoutKeys extends IntegrationTest {

        @Test
        void showsACallerBehindAProxyTheStatusAlone() {
            Response answer = new RawHttp(port).get("/actuator/health", Map.of("X-Forwarded-For", "203.0.113.7"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        }

        @Test
        void showsTheLocalOperatorTheDetailsAndTheSignatureWarning() {
            Response answer = new RawHttp(port).get("/actuator/health", Map.of());

            assertThat((String) JsonPath.read(answer.body(), "$.components.webhookSignatures.details.warning"))
                    .contains("CALLMASK_SIGNALWIRE_SIGNING_KEY");
        }
    }
}
