package org.callmask.system;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every feature reads, so tests can move time instead of sleeping. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    // Milliseconds: what the store keeps, so a value answered at once equals the one read back later.
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
