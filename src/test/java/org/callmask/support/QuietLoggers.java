package org.callmask.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns a few named loggers off for the length of a block and gives them back their levels after:
 * for failures a test causes on purpose, such as a database outage, whose expected stack traces
 * would otherwise fill the test log. The service's own loggers cannot be silenced this way, so its
 * log lines stay visible (and checkable) in every test.
 *
 * <pre>{@code
 * try (var quiet = QuietLoggers.silence("com.zaxxer.hikari.pool.ProxyConnection")) {
 *     database.cut();
 *     ...
 * }
 * }</pre>
 */
public final class QuietLoggers implements AutoCloseable {

    private final LoggingSystem logging = LoggingSystem.get(QuietLoggers.class.getClassLoader());
    private final Map<String, LogLevel> levelsBefore = new LinkedHashMap<>();

    private QuietLoggers(String... names) {
        for (String name : names) {
            if (name.startsWith("org.callmask")) {
                throw new IllegalArgumentException("The service's own logger " + name + " must stay audible");
            }
        }
        for (String name : names) {
            var configuration = logging.getLoggerConfiguration(name);
            levelsBefore.put(name, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(name, LogLevel.OFF);
        }
    }

    /** Silences these loggers until {@link #close()}. */
    public static QuietLoggers silence(String... names) {
        return new QuietLoggers(names);
    }

    /** Gives every silenced logger back the level it had (none, so inherited, where it had none). */
    @Override
    public void close() {
        levelsBefore.forEach(logging::setLogLevel);
    }
}
