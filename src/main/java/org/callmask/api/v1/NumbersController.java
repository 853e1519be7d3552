package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.api.v1.Views.AddedNumbersView;
import org.callmask.api.v1.Views.NumberHandlersView;
import org.callmask.api.v1.Views.NumberView;
import org.callmask.api.v1.Views.PageView;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.Capability;
import org.callmask.pool.NewPoolNumber;
import org.callmask.pool.NumberChanges;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.Sessions;
import org.callmask.signalwire.NumberSetup;
import org.callmask.system.Transactions;
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
@RequestMapping(path = "/api/v1/services/{service}/numbers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Numbers", description = "A service's pool of proxy numbers. A number belongs to one service.")
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
class NumbersController {

    static final String EXAMPLE_INVALID_FIX = """
            {"type":"urn:callmask:problem:invalid-request","title":"Invalid request","status":400,\
            "detail":"fix must be true or false","errors":[{"field":"fix","message":"must be true or false"}]}""";

    /** How many numbers one request may add. */
    static final int MAX_NUMBERS = 1000;

    private final Services services;
    private final Sessions sessions;
    private final NumberPool pool;
    private final Transactions transactions;
    private final NumberSetup setup;

    NumbersController(
            Services services, Sessions sessions, NumberPool pool, Transactions transactions, NumberSetup setup) {
        this.services = services;
        this.sessions = sessions;
        this.pool = pool;
        this.transactions = transactions;
        this.setup = setup;
    }

    @Operation(
            summary = "Add numbers",
            description = "All or nothing: 1 to 1000 entries, each a number in E.164 or an object with its "
                    + "capabilities (default all), reserved (default false) and capacity (default no limit). Numbers "
                    + "already in the pool stay as they are; removed ones come back. A number belongs to one service "
                    + "(409 number-in-another-service), and a participant's number in an active session cannot join "
                    + "a pool (400, field numbers). Point each number's SignalWire call and message webhooks at "
                    + "/calls/route and /texts/route. Answers the service's numbers that were asked for, in the "
                    + "order given; next_page_token is null.")
    @ApiResponse(responseCode = "201", description = "The numbers asked for, as they now are in the pool")
    @ApiResponse(
            responseCode = "400",
            description =
                    "Invalid request: numbers is missing, empty or over 1000 entries, an entry is not a number or a valid "
                            + "NumberEntry, an unknown field was sent, or a number is a participant of an active session "
                            + "(field numbers). errors lists each.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_NUMBERS)))
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
            description = "number-in-another-service: a number is in another service's pool. Nothing was added.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "number-in-another-service",
                                            value = V1Docs.EXAMPLE_NUMBER_IN_ANOTHER_SERVICE)))
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
            description = "signalwire-not-configured: configure is true but the SignalWire settings are not set; "
                    + "missing_settings lists them. Nothing was added.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "signalwire-not-configured",
                                            value = ContactsController.EXAMPLE_NOT_CONFIGURED)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddedNumbersView> add(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.AddNumbersRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "numbers",
                                                            summary = "A plain number and a reserved voice and SMS "
                                                                    + "number for ten participants",
                                                            value = V1Docs.ADD_NUMBERS)))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        Fields fields = Fields.of(body, "numbers", "configure");
        boolean configure = fields.bool("configure").orElse(false);
        fields.requireValid();
        List<NewPoolNumber> numbers = read(fields);
        if (configure) {
            // Refused before anything is added, so a retry once configured does it all.
            setup.requireReady();
        }
        sessions.addToPool(owner, numbers);
        List<NumberView> added = numbers.stream()
                .map(n -> pool.find(owner.id(), n.number().e164()))
                .flatMap(Optional::stream)
                .map(NumberView::of)
                .toList();
        List<NumberHandlersView> configuration = configure
                ? setup.configure(numbers.stream().map(NewPoolNumber::number).toList()).stream()
                        .map(NumberHandlersView::of)
                        .toList()
                : null;
        return ResponseEntity.status(HttpStatus.CREATED).body(new AddedNumbersView(added, null, configuration));
    }

    @Operation(
            summary = "Check (and fix) the numbers' handlers in SignalWire",
            description = "Reads the SignalWire project's numbers and reports, for each number of the service's pool, "
                    + "whether its call handler is the SWML URL /calls/route and its message handler the LaML URL "
                    + "/texts/route under CALLMASK_PUBLIC_URL. With fix: true the wrong ones are pointed there. "
                    + "Nothing changes in the pool.")
    @ApiResponse(responseCode = "200", description = "Each pool number's handlers; next_page_token is null")
    @ApiResponse(
            responseCode = "400",
            description = "fix is not true or false, or an unknown field was sent (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = EXAMPLE_INVALID_FIX)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @ApiResponse(
            responseCode = "501",
            description = "signalwire-not-configured: missing_settings lists the settings to set.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "signalwire-not-configured",
                                            value = ContactsController.EXAMPLE_NOT_CONFIGURED)))
    @ApiResponse(
            responseCode = "502",
            description = "signalwire-error: SignalWire refused to list the project's numbers.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "signalwire-error",
                                            value = ContactsController.EXAMPLE_REJECTED)))
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
    @PostMapping(path = "/sync")
    PageView<NumberHandlersView> sync(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.SyncNumbersRequest.class),
                                            examples = @ExampleObject(name = "fix", value = "{\"fix\": true}")))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        Fields fields = Fields.of(
                body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body, "fix");
        boolean fix = fields.bool("fix").orElse(false);
        fields.requireValid();
        List<NumberHandlersView> items =
                setup.sync(owner, fix).stream().map(NumberHandlersView::of).toList();
        return new PageView<>(items, null);
    }

    @Operation(
            summary = "List numbers",
            description = "The service's pool in the order the numbers were added, each with how many participants "
                    + "it serves now (in_use). Follow next_page_token until it is null.")
    @ApiResponse(responseCode = "200", description = "One page of numbers")
    @ApiResponse(
            responseCode = "400",
            description = "page_size is not 1 to 500, or page_token is not one this API gave.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_PAGE)))
    @ApiResponse(
            responseCode = "404",
            description = "No service has this id or unique name (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_SERVICE_NOT_FOUND)))
    @GetMapping
    PageView<NumberView> list(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(
                            description = V1Docs.PAGE_SIZE,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"),
                            example = "50")
                    @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @Parameter(description = V1Docs.PAGE_TOKEN) @RequestParam(name = "page_token", required = false)
                    String pageToken) {
        ProxyService owner = services.require(service);
        return PageView.of(pool.page(owner.id(), Paging.of(pageSize, pageToken)), NumberView::of);
    }

    @Operation(
            summary = "Get a number",
            description = "By id (num_…) or the number itself (E.164; in a path, + may be sent as is or as %2B).")
    @ApiResponse(
            responseCode = "200",
            description = "The number",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = NumberView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the number in its pool, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_NUMBER_NOT_FOUND)))
    @GetMapping("/{number}")
    NumberView get(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.NUMBER, example = "+14155550100") @PathVariable("number") String number) {
        return NumberView.of(find(services.require(service), number));
    }

    @Operation(
            summary = "Reserve, release or limit a number",
            description = "reserved: true keeps the number out of automatic allocation (it is given only to a "
                    + "participant that asks for it by proxy_number), false gives it out again. capacity limits how "
                    + "many participants it serves at once; null removes the limit. Participants already on it keep "
                    + "it either way.")
    @ApiResponse(
            responseCode = "200",
            description = "The number as changed",
            content = @Content(mediaType = V1Docs.JSON, schema = @Schema(implementation = NumberView.class)))
    @ApiResponse(
            responseCode = "400",
            description = V1Docs.INVALID,
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid-request",
                                            value = V1Docs.EXAMPLE_INVALID_NUMBER_CHANGE)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the number in its pool, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_NUMBER_NOT_FOUND)))
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
    @PatchMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    NumberView change(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.NUMBER, example = "+14155550100") @PathVariable("number") String number,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = V1Docs.JSON,
                                            schema = @Schema(implementation = V1Docs.ChangeNumberRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "release",
                                                            summary = "Give it out automatically again, without limit",
                                                            value = V1Docs.CHANGE_NUMBER)))
                    @RequestBody(required = false)
                    JsonNode body) {
        ProxyService owner = services.require(service);
        Fields fields = Fields.of(body, "reserved", "capacity");
        Optional<Boolean> reserved = fields.bool("reserved");
        if (fields.isNull("reserved")) {
            fields.error("reserved", "must be true or false");
        }
        Optional<Long> capacity = fields.integer("capacity", 1, Integer.MAX_VALUE);
        fields.requireValid();
        Optional<Optional<Integer>> newCapacity = fields.isNull("capacity")
                ? Optional.of(Optional.empty())
                : capacity.map(c -> Optional.of(c.intValue()));
        NumberChanges changes = new NumberChanges(reserved, newCapacity);
        return transactions
                .write(status -> pool.change(owner.id(), number, changes))
                .map(NumberView::of)
                .orElseThrow(() -> new NotFound("The service has no such number."));
    }

    @Operation(
            summary = "Remove a number",
            description = "Takes the number out of the service's pool; the sessions that used it keep their history. "
                    + "Refused with 409 number-in-use while active sessions use it, unless force=true, which closes "
                    + "them first (closed_reason number-removed).")
    @ApiResponse(responseCode = "204", description = "Removed", content = @Content)
    @ApiResponse(
            responseCode = "400",
            description = "force is neither true nor false (invalid-request).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "invalid-request", value = V1Docs.EXAMPLE_INVALID_FORCE)))
    @ApiResponse(
            responseCode = "404",
            description = "The service, or the number in its pool, does not exist (not-found).",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "not-found", value = V1Docs.EXAMPLE_NUMBER_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description =
                    "number-in-use: active sessions use the number; active_sessions says how many. Nothing changed.",
            content =
                    @Content(
                            mediaType = V1Docs.PROBLEM_JSON,
                            schema = @Schema(implementation = V1Docs.Problem.class),
                            examples = @ExampleObject(name = "number-in-use", value = V1Docs.EXAMPLE_NUMBER_IN_USE)))
    @DeleteMapping("/{number}")
    ResponseEntity<Void> remove(
            @Parameter(description = V1Docs.SERVICE, example = "deliveries") @PathVariable("service") String service,
            @Parameter(description = V1Docs.NUMBER, example = "+14155550100") @PathVariable("number") String number,
            @Parameter(
                            description = "true: close the active sessions that use the number, then remove it; "
                                    + "false: refuse while any does",
                            schema = @Schema(type = "boolean", defaultValue = "false"),
                            example = "true")
                    @RequestParam(name = "force", required = false, defaultValue = "false")
                    String force) {
        ProxyService owner = services.require(service);
        PoolNumber found = find(owner, number);
        if (!force.equals("true") && !force.equals("false")) {
            throw InvalidInput.of("force", "must be true or false");
        }
        if (!sessions.removeFromPool(owner, found.number(), force.equals("true"))) {
            throw new NotFound("The service has no such number.");
        }
        return ResponseEntity.noContent().build();
    }

    private PoolNumber find(ProxyService owner, String number) {
        return pool.find(owner.id(), number).orElseThrow(() -> new NotFound("The service has no such number."));
    }

    private static List<NewPoolNumber> read(Fields fields) {
        JsonNode numbers = fields.raw("numbers");
        if (numbers == null || !numbers.isArray() || numbers.isEmpty()) {
            throw InvalidInput.of("numbers", "must be a non-empty list of numbers or number objects");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw InvalidInput.of("numbers", "must hold at most " + MAX_NUMBERS + " entries");
        }
        List<NewPoolNumber> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode entry = numbers.get(i);
            String at = "numbers[" + i + "]";
            if (entry.isString()) {
                fields.phoneNumber(at, entry.asString())
                        .map(NewPoolNumber::plain)
                        .ifPresent(out::add);
            } else if (entry.isObject()) {
                entry(fields, entry, at).ifPresent(out::add);
            } else {
                fields.errorAt(at, "must be a number or an object with number, capabilities, reserved, capacity");
            }
        }
        fields.requireValid();
        return out;
    }

    private static Optional<NewPoolNumber> entry(Fields errors, JsonNode entry, String at) {
        Fields fields = Fields.of(entry, "number", "capabilities", "reserved", "capacity");
        Optional<PhoneNumber> number = fields.requiredText("number", 64).flatMap(t -> fields.phoneNumber("number", t));
        Set<Capability> capabilities = EnumSet.copyOf(Capability.ALL);
        JsonNode raw = fields.raw("capabilities");
        if (raw != null && !raw.isNull()) {
            capabilities = EnumSet.noneOf(Capability.class);
            if (!raw.isArray() || raw.isEmpty()) {
                fields.error("capabilities", "must be a non-empty list of voice, sms, mms");
            } else {
                for (JsonNode c : raw) {
                    Optional<Capability> capability = c.isString() ? Capability.of(c.asString()) : Optional.empty();
                    if (capability.isEmpty()) {
                        fields.error("capabilities", "must hold only voice, sms, mms");
                    } else {
                        capabilities.add(capability.get());
                    }
                }
            }
        }
        Optional<Boolean> reserved = fields.bool("reserved");
        Optional<Long> capacity = fields.integer("capacity", 1, Integer.MAX_VALUE);
        try {
            fields.requireValid();
        } catch (InvalidInput e) {
            e.errors().forEach(err -> errors.errorAt(at + "." + err.field(), err.message()));
            return Optional.empty();
        }
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new NewPoolNumber(number.get(), capabilities, reserved.orElse(false), capacity.map(Long::intValue)));
    }
}
