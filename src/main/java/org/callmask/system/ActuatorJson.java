package org.callmask.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * How actuator endpoints write JSON: as Spring Boot's own isolated mapper does, except that the
 * health status never lists the probe groups. Health is open to anyone, and an anonymous caller
 * gets {@code {"status":"UP"}} and nothing else that describes the deployment.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorJson {

    @Bean
    EndpointJsonMapper endpointJsonMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(
                        value -> value.withValueInclusion(Include.NON_NULL).withContentInclusion(Include.NON_NULL))
                .addMixIn(SystemHealthDescriptor.class, WithoutGroups.class)
                .build();
        return () -> mapper;
    }

    @JsonIgnoreProperties("groups")
    private interface WithoutGroups {}
}
