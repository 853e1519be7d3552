package org.callmask.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServletRequestPathFilter;

/**
 * Parses each request's path once, before security: every route matcher and then the dispatcher
 * read the same parsed path instead of parsing it again each.
 */
@Configuration(proxyBeanMethods = false)
class RequestPathOnce {

    @Bean
    FilterRegistrationBean<ServletRequestPathFilter> servletRequestPathFilter() {
        FilterRegistrationBean<ServletRequestPathFilter> registration =
                new FilterRegistrationBean<>(new ServletRequestPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
