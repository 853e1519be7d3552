package org.callmask.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callmask.CallMaskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One complete CallMask instance started by a test: its own Spring context, HTTP port and
 * connection pool, against a database the test names. Several of them on one PostgreSQL are what
 * a scaled-out deployment looks like.
 */
public final class ServiceInstance implements AutoCloseable {

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
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--callmask.session.sweep-interval=1h");
        args.add("--spring.main.banner-mode=off");
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CallMaskApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean("testClock", Clock.class, () -> clock, bd -> bd.setPrimary(true)))
                .run(args.toArray(String[]::new));
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
        context.close();
    }
}
