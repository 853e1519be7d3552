package org.callmask.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the admin API, v1 and seed (served at {@code /v3/api-docs}, browsable
 * at {@code /docs}), and the seed's request shapes; v1's are in {@code api.v1.V1Docs}. The
 * controllers read bodies as JSON trees to give the seed's error messages, so these records exist
 * for the description only.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CallMask admin API",
                        version = "1",
                        description = "Two APIs behind the same keys.\n\n"
                                + "**/api/v1**: services, each with its own pool of proxy numbers and the defaults "
                                + "its sessions follow, and sessions in which each participant reaches the other "
                                + "through its own proxy number. JSON with snake_case fields; times in ISO 8601, "
                                + "UTC; lists paged with page_size and page_token until next_page_token is null. "
                                + "Every error is an RFC 9457 problem (application/problem+json) whose type is "
                                + "urn:callmask:problem:<name>; the Problem schema lists every name. A path that "
                                + "does not exist answers 404 not-found, and a method a path does not take 405 "
                                + "method-not-allowed with an Allow header; a request whose Accept header excludes "
                                + "JSON answers 406 not-acceptable.\n\n"
                                + "**/api/rest**: the seed's API, for existing clients: the pool and the masks that "
                                + "link a client with a contractor, in the built-in service 'default'. Errors are "
                                + "plain text naming what was wrong."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "One of the keys in CALLMASK_API_KEYS. Without keys, only local unproxied requests are answered.")
@SecurityScheme(
        name = "basic",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "Any user name, one of the keys in CALLMASK_API_KEYS as password.")
class ApiDocs {

    @Schema(description = "Numbers to add to the pool: SignalWire numbers pointed at this service.")
    record AddNumbersRequest(
            @Schema(
                    description = "E.164 numbers, comma-separated (a JSON array of strings works too)",
                    example = "+15551231111,+15551232222",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String phone_numbers) {}

    @Schema(description = "A mask to open between a client and a contractor.")
    record OpenMaskRequest(
            @Schema(
                    description = "The client's real number, E.164",
                    example = "+15559990000",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String client_number,

            @Schema(
                    description = "The contractor's real number, E.164",
                    example = "+15558001234",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String contractor_number,

            @Schema(
                    description = "Lifetime in seconds; default 24 hours, at most callmask.session.max-ttl",
                    example = "3600")
            Long ttl_seconds) {}
}
