package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SessionPropertiesTests {

    @Test
    void namesBothPropertiesWithTheirDurationsAsWrittenWhenTheDefaultExceedsTheMaximum() {
        assertThatThrownBy(() -> bind(Map.of("callmask.session.default-ttl", "31d")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "callmask.session.default-ttl (31d) must not be longer than callmask.session.max-ttl (30d)");
        assertThatThrownBy(() -> bind(Map.of("callmask.session.default-ttl", "721h")))
                .rootCause()
                .hasMessage(
                        "callmask.session.default-ttl (721h) must not be longer than callmask.session.max-ttl (30d)");
        assertThatThrownBy(() -> bind(Map.of("callmask.session.default-ttl", "90s", "callmask.session.max-ttl", "1m")))
                .rootCause()
                .hasMessage("callmask.session.default-ttl (90s) must not be longer than callmask.session.max-ttl (1m)");
    }

    @Test
    void writesOtherRefusedDurationsTheSameWay() {
        assertThatThrownBy(() -> bind(Map.of("callmask.session.sweep-interval", "50ms")))
                .rootCause()
                .hasMessage("callmask.session.sweep-interval must be at least 100ms, was 50ms");
        assertThatThrownBy(() -> new SessionProperties(Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(30), 500))
                .hasMessage("callmask.session.default-ttl must be positive, was 0s");
    }

    @Test
    void acceptsADefaultEqualToTheMaximum() {
        SessionProperties properties =
                bind(Map.of("callmask.session.default-ttl", "720h", "callmask.session.max-ttl", "30d"));

        assertThat(properties.defaultTtl()).isEqualTo(properties.maxTtl());
    }

    private static SessionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("callmask.session", SessionProperties.class)
                .get();
    }
}
