package org.callmask.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the admin API.
 *
 * @param keys API keys, any one of which opens the admin API (and the actuator endpoints other
 *     than health); from the environment ({@code CALLMASK_API_KEYS}, comma-separated) or a secrets
 *     file. Without keys only local, unproxied requests are let in.
 */
@ConfigurationProperties("callmask.api")
public record AdminApiProperties(List<String> keys) {

    public AdminApiProperties {
        keys = keys == null
                ? List.of()
                : keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        for (String key : keys) {
            if (key.length() < 16) {
                throw new IllegalArgumentException("callmask.api.keys: every key must be at least 16 characters long");
            }
        }
    }

    @Override
    public String toString() {
        return "AdminApiProperties[keys=" + keys.size() + " set]";
    }
}
