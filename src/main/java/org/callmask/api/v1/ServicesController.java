package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.ServiceView;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceSettings;
import org.callmask.service.Services;
import org.callmask.session.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Services", description = "Tenants: each has its own pool of numbers and session defaults.")
class ServicesController {

    private final Services services;
    private final Sessions sessions;

    ServicesController(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @Operation(summary = "Create a service")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServiceView> create(@RequestBody(required = false) JsonNode body) {
        ServiceRequests.Read read = ServiceRequests.read(body, null, ServiceSettings.DEFAULTS, true);
        ProxyService created = services.create(read.uniqueName(), read.settings());
        return ResponseEntity.status(HttpStatus.CREATED).body(ServiceView.of(created));
    }

    @Operation(summary = "List services", description = "In the order they were created.")
    @GetMapping
    PageView<ServiceView> list(
            @Parameter(description = "1 to 500, default 50") @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = "next_page_token of the previous page")
                    @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        return PageView.of(services.page(Paging.of(pageSize, pageToken)), ServiceView::of);
    }

    @Operation(summary = "Get a service", description = "By id (svc_…) or unique name.")
    @GetMapping("/{service}")
    ServiceView get(@PathVariable("service") String service) {
        return ServiceView.of(services.require(service));
    }

    @Operation(summary = "Change a service", description = "Only the fields sent change; nested objects merge.")
    @PatchMapping(path = "/{service}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ServiceView change(@PathVariable("service") String service, @RequestBody(required = false) JsonNode body) {
        ProxyService current = services.require(service);
        ServiceRequests.Read read = ServiceRequests.read(body, current.uniqueName(), current.settings(), false);
        return ServiceView.of(services.update(current, read.uniqueName(), read.settings()));
    }

    @Operation(
            summary = "Delete a service",
            description = "Refused with 409 (service-has-open-sessions) while it has open sessions. Its numbers leave "
                    + "its pool; its closed sessions stay until retention.")
    @DeleteMapping("/{service}")
    ResponseEntity<Void> delete(@PathVariable("service") String service) {
        sessions.deleteService(services.require(service));
        return ResponseEntity.noContent().build();
    }
}
