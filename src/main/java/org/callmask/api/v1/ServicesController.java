package org.callmask.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callmask.api.v1.Views.PageView;
import org.callmask.api.v1.Views.ServiceView;
import org.callmask.pool.NumberPool;
import org.callmask.service.OutOfSession;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceSettings;
import org.callmask.service.Services;
import org.callmask.session.Sessions;
import org.callmask.signalwire.NumberSetup;
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
@ApiResponse(
        responseCode = "401",
        description = V1Docs.UNAUTHORIZED,
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "unauthorized", value = V1Docs.EXAMPLE_UNAUTHORIZED)))
@ApiResponse(
        responseCode = "503",
        description = V1Docs.STORE,
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content =
                @Content(
                        mediaType = V1Docs.PROBLEM_JSON,
                        schema = @Schema(implementation = V1Docs.Problem.class),
                        examples = @ExampleObject(name = "store-unavailable", value = V1Docs.EXAMPLE_STORE)))
class ServicesController {

    private final Services services;
    private final NumberSetup setup;
    private final Sessions sessions;
    private final NumberPool pool;

    private final Clock clock;

    ServicesController(Services services, Sessions sessions, NumberPool pool, Clock clock, NumberSetup setup) {
        this.setup = setup;
        this.services = services;
        this.sessions = sessions;
        this.pool = pool;
        this.clock = clock;
    }

    /** A call forwarded to a proxy number would come straight back into a pool. */
    private void refuseForwardingIntoThePool(ServiceSettings settings) {
        OutOfSession.CallPolicy call = settings.outOfSession().call();
        String field = "out_of_session.call.to";
        if (call instanceof OutOfSession.CallCallback callback) {
            call = callback.fallback();
            field = "out_of_session.call.fallback.to";
        }
        if (call instanceof OutOfSession.Forward forward
                && !pool.present(List.of(forward.to())).isEmpty()) {
            throw InvalidInput.of(field, "must not be a pool number");
        }
    }

    @Operation(
            summary = "Create a service",
            description = "A tenant with its own pool of numbers and the defaults its sessions follow. Every setting "
                    + "but unique_name has a default: sessions live a day after their last call or text, proxy "
                    + "numbers match the participant's country and prefer the one it had before, calls outside a "
                    + "session hear the refusal message and texts are dropped.")
    @ApiResponse(
            responseCode = "201",
            description = "The service, with every setting filled in",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID_SERVICE,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_SERVICE)))
    @ApiResponse(
            responseCode = "409",
            description = "service-name-taken: another service has this unique_name.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "service-name-taken",
                                            value = V1Docs.EXAMPLE_SERVICE_NAME_TAKEN)))
    @ApiResponse(
            responseCode = "413",
            description = V1Docs.TOO_LARGE,
            content =
                    @Content(
                            mediaType = "text/plain",
                            examples = @ExampleObject(name = "too-large", value = V1Docs.EXAMPLE_TOO_LARGE)))
    @ApiResponse(
            responseCode = "415",
            description = V1Docs.UNSUPPORTED,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "unsupported-media-type",
                                            value = V1Docs.EXAMPLE_UNSUPPORTED)))
    @ApiResponse(
            responseCode = "501",
            description = "signalwire-not-configured: pool.auto_buy.enabled is switched on but the SignalWire settings "
                    + "are not set; missing_settings lists them. Nothing changed.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "signalwire-not-configured",
                                            value = ContactsController.EXAMPLE_NOT_CONFIGURED)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServiceView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.CreateServiceRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "minimal",
                                                        summary = "Only a name: every setting has its default",
                                                        value = V1Docs.CREATE_SERVICE_MINIMAL),
                                                @ExampleObject(
                                                        name = "full",
                                                        summary = "Every setting",
                                                        value = V1Docs.CREATE_SERVICE_FULL)
                                            }))
                    @RequestBody(required = false)
                    JsonNode body) {
        ServiceRequests.Read read = ServiceRequests.read(body, null, ServiceSettings.DEFAULTS, true);
        requireReadyToBuy(ServiceSettings.DEFAULTS, read.settings());
        refuseForwardingIntoThePool(read.settings());
        ProxyService created = services.create(read.uniqueName(), read.settings());
        String secret = services.callbackSecrets(created.id()).current();
        return ResponseEntity.status(HttpStatus.CREATED).body(ServiceView.of(created, secret));
    }

    @Operation(
            summary = "List services",
            description = "In the order they were created, the built-in service 'default' (which serves the "
                    + "/api/rest routes) among them. Follow next_page_token until it is null.")
    @ApiResponse(responseCode = "200", description = "One page of services")
    @ApiResponse(
            responseCode = "400",
            description = "page_size is not 1 to 500, or page_token is not one this API gave.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_PAGE)))
    @GetMapping
    PageView<ServiceView> list(
            @Parameter(
                            description = V1Docs.PAGE_SIZE,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"),
                            example = "50")
                    @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = V1Docs.PAGE_TOKEN) @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        return PageView.of(services.page(Paging.of(pageSize, pageToken)), ServiceView::of);
    }

    @Operation(summary = "Get a service", description = "By id (svc_…) or unique name, with all its settings.")
    @ApiResponse(
            responseCode = "200",
            description = "The service",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @GetMapping("/{service}")
    ServiceView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service) {
        return ServiceView.of(services.require(service));
    }

    @Operation(
            summary = "Change a service",
            description = "Only the fields sent change; in voice, only the options sent, and in out_of_session, only "
                    + "the policy sent. New settings apply to proxy numbers given and calls and texts routed from now "
                    + "on; open sessions keep their lifetimes. The built-in service 'default' takes every change but a "
                    + "new name.")
    @ApiResponse(
            responseCode = "200",
            description = "The service as changed",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID_SERVICE,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_SERVICE)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "service-name-taken: another service has the new unique_name. built-in-service: the "
                    + "service 'default' cannot be renamed.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = {
                                @ExampleObject(name = "service-name-taken", value = V1Docs.EXAMPLE_SERVICE_NAME_TAKEN),
                                @ExampleObject(name = "built-in-service", value = V1Docs.EXAMPLE_BUILT_IN_SERVICE)
                            }))
    @ApiResponse(
            responseCode = "413",
            description = V1Docs.TOO_LARGE,
            content =
                    @Content(
                            mediaType = "text/plain",
                            examples = @ExampleObject(name = "too-large", value = V1Docs.EXAMPLE_TOO_LARGE)))
    @ApiResponse(
            responseCode = "415",
            description = V1Docs.UNSUPPORTED,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "unsupported-media-type",
                                            value = V1Docs.EXAMPLE_UNSUPPORTED)))
    @ApiResponse(
            responseCode = "501",
            description = "signalwire-not-configured: pool.auto_buy.enabled is switched on but the SignalWire settings "
                    + "are not set; missing_settings lists them. Nothing changed.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "signalwire-not-configured",
                                            value = ContactsController.EXAMPLE_NOT_CONFIGURED)))
    @PatchMapping(path = "/{service}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ServiceView change(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.ChangeServiceRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "change",
                                                            summary = "A shorter lifetime, no recording, a new message",
                                                            value = V1Docs.CHANGE_SERVICE)))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService current = services.require(service);
        ServiceRequests.Read read = ServiceRequests.read(body, current.uniqueName(), current.settings(), false);
        requireReadyToBuy(current.settings(), read.settings());
        refuseForwardingIntoThePool(read.settings());
        ProxyService changed = services.update(current, read.uniqueName(), read.settings());
        // A service from before secrets existed gets its first when it first needs one, and sees it here.
        String secret = read.settings().hooks().callback().isPresent()
                        || read.settings().hooks().intercept().isPresent()
                        || usesCallbacks(read.settings().outOfSession())
                ? services.ensureCallbackSecret(changed).orElse(null)
                : null;
        return ServiceView.of(changed, secret);
    }

    private static boolean usesCallbacks(OutOfSession policy) {
        return policy.call() instanceof OutOfSession.CallCallback
                || policy.message() instanceof OutOfSession.MessageCallback;
    }

    @Operation(
            summary = "Rotate the callback secret",
            description = "Gives the service a new secret, shown only in this answer. For grace_period seconds "
                    + "(default 86400, at most 604800) the previous secret signs alongside it: each request then "
                    + "carries two v1= signatures, so the platform can switch its verification over without losing "
                    + "a delivery. A rotation within a grace period ends the older secret at once.")
    @ApiResponse(
            responseCode = "200",
            description = "The new secret",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = SecretView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "grace_period is not a whole number of seconds from 0 to 604800 (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_GRACE)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @ApiResponse(
            responseCode = "413",
            description = V1Docs.TOO_LARGE,
            content =
                    @Content(
                            mediaType = "text/plain",
                            examples = @ExampleObject(name = "too-large", value = V1Docs.EXAMPLE_TOO_LARGE)))
    @ApiResponse(
            responseCode = "415",
            description = V1Docs.UNSUPPORTED,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "unsupported-media-type",
                                            value = V1Docs.EXAMPLE_UNSUPPORTED)))
    @PostMapping(path = "/{service}/callback_secret")
    SecretView rotateSecret(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.RotateSecretRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "rotate",
                                                            summary = "The old secret signs for one more hour",
                                                            value = "{\"grace_period\": 3600}")))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService current = services.require(service);
        Fields fields = Fields.of(body, "grace_period");
        Optional<Long> grace = fields.integer("grace_period", 0, Services.MAX_SECRET_GRACE.toSeconds());
        fields.requireValid();
        Duration period = grace.map(Duration::ofSeconds).orElse(Duration.ofDays(1));
        String secret = services.rotateCallbackSecret(current, period);
        return new SecretView(secret, clock.instant().plus(period));
    }

    @Schema(name = "CallbackSecret", description = "A service's new callback secret.")
    record SecretView(
            @Schema(
                    description = "Signs every request CallMask sends for the service from now on.",
                    example = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f")
            @JsonProperty("callback_secret")
            String callbackSecret,

            @Schema(description = "Until when the previous secret signs as well.", example = "2026-12-02T09:30:00Z")
            @JsonProperty("previous_secret_valid_until")
            Instant previousSecretValidUntil) {}

    @Operation(
            summary = "Delete a service",
            description = "Refused while it has open sessions (409 service-has-open-sessions): close them first. Its "
                    + "numbers leave its pool, free for another service; its closed sessions stay on record until "
                    + "retention purges them. The built-in service 'default' cannot be deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "service-has-open-sessions: the service has open sessions. built-in-service: the service "
                    + "'default' cannot be deleted.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = {
                                @ExampleObject(
                                        name = "service-has-open-sessions",
                                        value = V1Docs.EXAMPLE_SERVICE_HAS_OPEN_SESSIONS),
                                @ExampleObject(name = "built-in-service", value = V1Docs.EXAMPLE_BUILT_IN_SERVICE)
                            }))
    @DeleteMapping("/{service}")
    ResponseEntity<Void> delete(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service) {
        sessions.deleteService(services.require(service));
        return ResponseEntity.noContent().build();
    }

    /** Buying needs SignalWire: switching it on without the settings is refused before anything changes. */
    private void requireReadyToBuy(ServiceSettings before, ServiceSettings after) {
        if (after.autoBuy().enabled() && !before.autoBuy().enabled()) {
            setup.requireReady();
        }
    }
}
