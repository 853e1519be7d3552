package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.ServiceView;
import org.callmask.pool.NumberPool;
import org.callmask.service.OutOfSession;
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
    private final NumberPool pool;

    ServicesController(Services services, Sessions sessions, NumberPool pool) {
        this.services = services;
        this.sessions = sessions;
        this.pool = pool;
    }

    /** A call forwarded to a proxy number would come straight back into a pool. */
    private void refuseForwardingIntoThePool(ServiceSettings settings) {
        if (settings.outOfSession().call() instanceof OutOfSession.Forward forward
                && !pool.present(List.of(forward.to())).isEmpty()) {
            throw InvalidInput.of("out_of_session.call.to", "must not be a pool number");
        }
    }

    @Operation(summary = "Create a service")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServiceView> create(@RequestBody(required = false) JsonNode body) {
        ServiceRequests.Read read = ServiceRequests.read(body, null, ServiceSettings.DEFAULTS, true);
        refuseForwardingIntoThePool(read.settings());
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
        refuseForwardingIntoThePool(read.settings());
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
