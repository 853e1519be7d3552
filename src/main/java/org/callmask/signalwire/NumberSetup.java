package org.callmask.signalwire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ProxyService;
import org.callmask.telephony.WebhookRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Points a service's numbers at CallMask in SignalWire: calls at the SWML URL {@code /calls/route},
 * messages at the LaML URL {@code /texts/route}, both under {@code CALLMASK_PUBLIC_URL}; and
 * checks (and on request fixes) that they still do.
 */
@Service
public class NumberSetup {

    private static final Logger log = LoggerFactory.getLogger(NumberSetup.class);
    /** Up to this many numbers are looked up one by one; more, and the project's list is read once. */
    private static final int LOOKUPS = 10;
    /** Numbers changed at once: a pool of hundreds is set up in seconds, without a burst. */
    private static final int PARALLEL = 8;

    private final ProjectNumbers project;
    private final CallbackAddress address;
    private final NumberPool pool;

    NumberSetup(ProjectNumbers project, CallbackAddress address, NumberPool pool) {
        this.project = project;
        this.address = address;
        this.pool = pool;
    }

    /** What became of one number. */
    public enum Result {
        /** Its handlers point at CallMask now. */
        CONFIGURED,
        /** Its handlers pointed at CallMask already. */
        OK,
        /** Its handlers point elsewhere (a check without fixing). */
        WRONG_HANDLERS,
        /** The project has no such number. */
        NOT_IN_PROJECT,
        /** SignalWire refused the change or could not be asked; error says why. */
        FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param number the pool number
     * @param before the number's handlers in SignalWire before any change; {@code null} when it is
     *     not in the project
     * @param error SignalWire's code and words when the change failed
     */
    public record NumberHandlers(PhoneNumber number, Result result, ProjectNumber before, String error) {}

    /** Throws before anything else happens when SignalWire or the public URL is not configured. */
    public void requireReady() {
        address.requireReady();
    }

    /** Points each number's handlers at CallMask, unless they point there already. */
    public List<NumberHandlers> configure(List<PhoneNumber> numbers) {
        requireReady();
        return apply(numbers, true);
    }

    /**
     * Compares every number of the service's pool with the project's, and with {@code fix} points
     * those that are wrong at CallMask.
     */
    public List<NumberHandlers> sync(ProxyService service, boolean fix) {
        requireReady();
        return apply(pool.numbers(service.id()), fix);
    }

    private List<NumberHandlers> apply(List<PhoneNumber> numbers, boolean fix) {
        String callUrl = address.of(WebhookRoutes.CALLS);
        String messageUrl = address.of(WebhookRoutes.TEXTS);
        Function<PhoneNumber, Optional<ProjectNumber>> lookup = lookup(numbers.size());
        if (numbers.isEmpty()) {
            return List.of();
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(PARALLEL, numbers.size()), task -> {
            Thread thread = new Thread(task, "number-setup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<NumberHandlers>> pending = new ArrayList<>();
            for (PhoneNumber number : numbers) {
                pending.add(workers.submit(() -> one(number, lookup, fix, callUrl, messageUrl)));
            }
            List<NumberHandlers> out = new ArrayList<>();
            for (Future<NumberHandlers> f : pending) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalWireUnavailable("Interrupted while setting up numbers", Duration.ofSeconds(1));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** One listing of the project for many numbers, else a lookup each. */
    private Function<PhoneNumber, Optional<ProjectNumber>> lookup(int numbers) {
        if (numbers <= LOOKUPS) {
            return project::find;
        }
        try {
            Map<PhoneNumber, ProjectNumber> all =
                    project.all().stream().collect(Collectors.toMap(ProjectNumber::number, n -> n, (a, b) -> a));
            return n -> Optional.ofNullable(all.get(n));
        } catch (SignalWireRejected | SignalWireUnavailable e) {
            // Each number then succeeds or fails on its own.
            log.info("The project's numbers could not be listed ({}); looking each up", e.getMessage());
            return project::find;
        }
    }

    private NumberHandlers one(
            PhoneNumber number,
            Function<PhoneNumber, Optional<ProjectNumber>> lookup,
            boolean fix,
            String callUrl,
            String messageUrl) {
        ProjectNumber found;
        try {
            found = lookup.apply(number).orElse(null);
        } catch (SignalWireRejected | SignalWireUnavailable e) {
            return new NumberHandlers(number, Result.FAILED, null, describe(e));
        }
        if (found == null) {
            return new NumberHandlers(number, Result.NOT_IN_PROJECT, null, null);
        }
        boolean right = "relay_script".equals(found.callHandler())
                && callUrl.equals(found.callUrl())
                && "laml_webhooks".equals(found.messageHandler())
                && messageUrl.equals(found.messageUrl());
        if (right) {
            return new NumberHandlers(number, Result.OK, found, null);
        }
        if (!fix) {
            return new NumberHandlers(number, Result.WRONG_HANDLERS, found, null);
        }
        try {
            project.setHandlers(found.id(), callUrl, messageUrl);
            log.info("Number {} now routes calls and messages to CallMask", number.redacted());
            return new NumberHandlers(number, Result.CONFIGURED, found, null);
        } catch (SignalWireRejected | SignalWireUnavailable e) {
            log.warn("Number {} could not be set up: {}", number.redacted(), e.getMessage());
            return new NumberHandlers(number, Result.FAILED, found, describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof SignalWireRejected r) {
            return "SignalWire answered " + r.status() + (r.code() == null ? "" : " (code " + r.code() + ")")
                    + (r.detail() == null ? "" : ": " + r.detail());
        }
        return e.getMessage();
    }
}
