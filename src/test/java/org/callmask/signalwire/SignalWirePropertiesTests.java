package org.callmask.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignalWirePropertiesTests {

    private static SignalWireProperties space(String url) {
        Duration second = Duration.ofSeconds(1);
        return new SignalWireProperties(
                URI.create(url), "project", "PT-s3cr3t", second, second, 3, second, second, 5, second);
    }

    @Test
    void theTokenNeverGoesInClearOverANetwork() {
        assertThatThrownBy(() -> space("http://example.signalwire.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void plainHttpIsForALocalTestServerOnly() {
        assertThat(space("http://127.0.0.1:8089").spaceUrl()).hasHost("127.0.0.1");
        assertThat(space("http://localhost:8089").spaceUrl()).hasHost("localhost");
        assertThat(space("https://example.signalwire.com").spaceUrl()).hasHost("example.signalwire.com");
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(space("https://example.signalwire.com").toString()).doesNotContain("PT-s3cr3t");
    }
}
