package org.callmask.console;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's own stylesheet and script, and htmx and uPlot from their WebJars, under {@code
 * /console}: served by the application itself, so the console works with no internet access.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations("classpath:/console/")
                .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(10)));
        // The chain resolves version-less paths (/console/webjars/htmx.org/dist/htmx.min.js) to the
        // WebJar's version, so a dependency upgrade needs no template change.
        registry.addResourceHandler("/console/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .resourceChain(true);
    }
}
