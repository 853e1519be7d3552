package org.callmask.system;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The container's error page answers with the status and its name only. Spring Boot's default
 * also echoes the request path, which on the admin API can carry a phone number.
 */
@Component
class QuietErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.keySet().retainAll(Set.of("timestamp", "status", "error"));
        return attributes;
    }
}
