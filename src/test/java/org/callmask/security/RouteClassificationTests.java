package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application serves is classified in {@link Routes}: a new controller,
 * actuator endpoint or resource handler fails here until someone decides who may reach it.
 */
class RouteClassificationTests extends IntegrationTest {

    @Autowired
    private List<HandlerMapping> handlerMappings;

    @Test
    void classifiesEveryHandlerMappingOfTheRunningApplication() {
        List<String> patterns = servedPatterns();
        assertThat(patterns)
                .as("the application serves the admin API, the webhooks and health")
                .contains("/api/rest/numberPool", "/calls/route", "/texts/route", "/actuator/health");

        List<String> unclassified = new ArrayList<>();
        for (String pattern : patterns) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", sample(pattern));
            if (Routes.classify(request).isEmpty()) {
                unclassified.add(pattern);
            }
        }

        assertThat(unclassified)
                .as("routes served but not classified in Routes")
                .isEmpty();
    }

    @Test
    void leavesOnlyTheHealthProbesOpenToAnyone() {
        for (String pattern : servedPatterns()) {
            var access = Routes.classify(new MockHttpServletRequest("GET", sample(pattern)));
            if (access.orElseThrow() == Routes.Access.OPEN) {
                assertThat(pattern).startsWith("/actuator/health");
            }
        }
    }

    private List<String> servedPatterns() {
        List<String> patterns = new ArrayList<>();
        for (HandlerMapping mapping : handlerMappings) {
            if (mapping instanceof RequestMappingInfoHandlerMapping infos) {
                infos.getHandlerMethods().keySet().forEach(info -> patterns.addAll(info.getPatternValues()));
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                patterns.addAll(urls.getHandlerMap().keySet());
            }
        }
        return patterns;
    }

    /** A concrete path the pattern matches: each variable or wildcard becomes one segment. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }
}
