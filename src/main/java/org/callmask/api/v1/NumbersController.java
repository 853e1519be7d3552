package org.callmask.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
class NumbersController {

    /** How many numbers one request may add. */
    static final int MAX_NUMBERS = 1000;

    private final Services services;
    private final Sessions sessions;
    private final NumberPool pool;
    private final Transactions transactions;

    NumbersController(Services services, Sessions sessions, NumberPool pool, Transactions transactions) {
        this.services = services;
        this.sessions = sessions;
        this.pool = pool;
        this.transactions = transactions;
    }

    @Operation(
            summary = "Add numbers",
            description = "All or nothing. Each entry is a number, or an object with its capabilities (default all), "
                    + "reserved (default false) and capacity (default no limit). Numbers already in the pool stay as "
                    + "they are. Answers the service's numbers that were asked for.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PageView<NumberView>> add(
            @PathVariable("service") String service, @RequestBody(required = false) JsonNode body) {
        ProxyService owner = services.require(service);
        List<NewPoolNumber> numbers = read(body);
        sessions.addToPool(owner, numbers);
        List<NumberView> added = numbers.stream()
                .map(n -> pool.find(owner.id(), n.number().e164()))
                .flatMap(Optional::stream)
                .map(NumberView::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new PageView<>(added, null));
    }

    @Operation(summary = "List numbers", description = "In the order they were added.")
    @GetMapping
    PageView<NumberView> list(
            @PathVariable("service") String service,
            @Parameter(description = "1 to 500, default 50") @RequestParam(name = "page_size", required = false)
                    String pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken) {
        ProxyService owner = services.require(service);
        return PageView.of(pool.page(owner.id(), Paging.of(pageSize, pageToken)), NumberView::of);
    }

    @Operation(summary = "Get a number", description = "By id (num_…) or the number itself.")
    @GetMapping("/{number}")
    NumberView get(@PathVariable("service") String service, @PathVariable("number") String number) {
        return NumberView.of(find(services.require(service), number));
    }

    @Operation(summary = "Reserve, release or limit a number")
    @PatchMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    NumberView change(
            @PathVariable("service") String service,
            @PathVariable("number") String number,
            @RequestBody(required = false) JsonNode body) {
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
            description = "Refused with 409 (number-in-use) while active sessions use it, unless force=true, which "
                    + "closes them (closed_reason number-removed).")
    @DeleteMapping("/{number}")
    ResponseEntity<Void> remove(
            @PathVariable("service") String service,
            @PathVariable("number") String number,
            @RequestParam(name = "force", required = false, defaultValue = "false") String force) {
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

    private static List<NewPoolNumber> read(JsonNode body) {
        Fields fields = Fields.of(body, "numbers");
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
