package org.callmask.security;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Whether the service honours {@code Forwarded} and {@code X-Forwarded-*} headers: set by
 * {@code server.forward-headers-strategy}, or by Spring Boot on platforms such as Kubernetes. When
 * it does, the container or a filter replaces the peer's address with one from the headers and
 * removes them before security sees the request, so a caller can no longer be told to be local.
 */
final class ForwardedHeaders {

    private ForwardedHeaders() {}

    static boolean honoured(Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy");
        if (StringUtils.hasText(strategy)) {
            return !"none".equalsIgnoreCase(strategy.strip());
        }
        CloudPlatform platform = CloudPlatform.getActive(environment);
        return platform != null && platform.isUsingForwardHeaders();
    }
}
