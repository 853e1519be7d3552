package org.callmask.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callmask.CallMaskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One complete CallMask instance started by a test: its own Spring context, HTTP port and
 * connection pool, against a database the test names. Several of them on one PostgreSQL are what
 * a scaled-out deployment looks like.
 *
 * <p>Log levels belong to the JVM, not to one instance: those that instances' {@code logging.level.*}
 * properties set are put back when the last running instance stops, so they never reach the tests
 * that run after.
 */
public final class ServiceInstance implements AutoCloseable {

    private static final String LOG_LEVEL = "logging.level.";

    /** Levels (null where inherited) of the loggers running instances have set, as they were before. */
    private static final Map<String, LogLevel> LOG_LEVELS_BEFORE = new HashMap<>();

    private static int running;

    private final ConfigurableApplicationContext context;
    private final HttpTestClient http;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new HttpTestClient(port);
    }

    /**
     * @param clock shared by every instance of a test, so they agree on the time the test sets
     * @param properties Spring Boot properties on top of the defaults, such as the data source
     */
    public static ServiceInstance start(Clock clock, Map<String, String> properties) {
        starting(properties);
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--callmask.session.sweep-interval=1h");
        args.add("--spring.main.banner-mode=off");
        args.add("--callmask.callbacks.allow-private-networks=true");
        args.add("--spring.datasource.hikari.minimum-idle=1");
        args.add("--spring.datasource.hikari.idle-timeout=10000");
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(CallMaskApplication.class)
                    .initializers(ctx -> ((GenericApplicationContext) ctx)
                            .registerBean("testClock", Clock.class, () -> clock, bd -> bd.setPrimary(true)))
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            stopped();
            throw e;
        }
        return new ServiceInstance(context);
    }

    /** Properties that point an instance at a fresh PostgreSQL schema. */
    public static Map<String, String> postgresSchema(String schema) {
        return Map.of(
                "spring.datasource.url", TestStore.postgresUrl(schema),
                "spring.datasource.username", TestStore.postgresUser(),
                "spring.datasource.password", TestStore.postgresPassword());
    }

    public HttpTestClient http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            stopped();
        }
    }

    /** Counts an instance in, remembering the levels its properties are about to change. */
    private static synchronized void starting(Map<String, String> properties) {
        running++;
        for (String name : properties.keySet()) {
            String logger = name.startsWith(LOG_LEVEL) ? name.substring(LOG_LEVEL.length()) : null;
            if (logger != null && !LOG_LEVELS_BEFORE.containsKey(logger)) {
                var configuration = logging().getLoggerConfiguration(logger);
                LOG_LEVELS_BEFORE.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            }
        }
    }

    /** Counts an instance out; the last one out puts the remembered levels back. */
    private static synchronized void stopped() {
        if (--running == 0) {
            LOG_LEVELS_BEFORE.forEach(logging()::setLogLevel);
            LOG_LEVELS_BEFORE.clear();
        }
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(ServiceInstance.class.getClassLoader());
    }
}
