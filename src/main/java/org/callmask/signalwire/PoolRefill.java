package org.callmask.signalwire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.callmask.core.PhoneNumber;
import org.callmask.core.PlatformEvent;
import org.callmask.pool.NewPoolNumber;
import org.callmask.service.AutoBuy;
import org.callmask.service.ProxyService;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.callmask.session.PoolShortage;
import org.callmask.session.Sessions;
import org.callmask.system.Transactions;
import org.callmask.telephony.WebhookRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A pool that refills itself, for services with {@code pool.auto_buy} on: on a shortage it searches
 * SignalWire's available numbers (the shortage's area code, else the service's area codes, else
 * anywhere), in the service's country only, buys one, points its handlers at CallMask and adds it
 * to the pool. A place is reserved first ({@link NumberPurchases}), so the pool never passes
 * {@code max_numbers} however many instances buy at once. Purchases run off the request threads,
 * one per service at a time on each instance; a shortage while one runs is covered by it.
 */
@Component
class PoolRefill implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PoolRefill.class);

    static final String NUMBER_BOUGHT = "pool.number_bought";

    /** Numbers asked for per search: a few, in case the first is taken by someone else meanwhile. */
    private static final int CANDIDATES = 5;

    /** A service at its limit is not asked about again for this long on this instance. */
    private static final Duration AT_LIMIT_QUIET = Duration.ofMinutes(1);

    private final Services services;
    private final Sessions sessions;
    private final ProjectNumbers project;
    private final NumberPurchases purchases;
    private final CallbackAddress address;
    private final Transactions transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Set<ServiceId> running = ConcurrentHashMap.newKeySet();
    private final Map<ServiceId, Instant> atLimitUntil = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "pool-refill");
        thread.setDaemon(true);
        return thread;
    });

    PoolRefill(
            Services services,
            Sessions sessions,
            ProjectNumbers project,
            NumberPurchases purchases,
            CallbackAddress address,
            Transactions transactions,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.services = services;
        this.sessions = sessions;
        this.project = project;
        this.purchases = purchases;
        this.address = address;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener
    void on(PoolShortage shortage) {
        Optional<ProxyService> service = services.find(shortage.service());
        if (service.isEmpty() || !service.get().settings().autoBuy().enabled()) {
            return;
        }
        Instant quietUntil = atLimitUntil.get(shortage.service());
        if (quietUntil != null && clock.instant().isBefore(quietUntil)) {
            return;
        }
        if (!running.add(shortage.service())) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    refill(shortage);
                } catch (RuntimeException e) {
                    log.warn(
                            "Refilling the pool of service {} failed: {}",
                            shortage.service(),
                            e.getClass().getName());
                } finally {
                    running.remove(shortage.service());
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(shortage.service());
        }
    }

    /**
     * Buys one number for the shortage, if the service may.
     *
     * @return the number bought
     */
    Optional<PhoneNumber> refill(PoolShortage shortage) {
        Optional<ProxyService> found = services.find(shortage.service());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProxyService service = found.get();
        AutoBuy policy = service.settings().autoBuy();
        if (!policy.enabled()) {
            return Optional.empty();
        }
        if (shortage.country().filter(c -> !c.equals(policy.country())).isPresent()) {
            log.info(
                    "Pool of service {} is short of numbers in {}, but it buys in {} only",
                    service.id(),
                    shortage.country().get(),
                    policy.country());
            return Optional.empty();
        }
        List<Optional<String>> areas = policy.searchAreas(shortage.areaCode());
        if (areas.isEmpty()) {
            log.info(
                    "Pool of service {} is short of numbers in area code {}, which is not among those it buys in",
                    service.id(),
                    shortage.areaCode().orElse(""));
            return Optional.empty();
        }
        try {
            address.requireReady();
        } catch (SignalWireNotConfigured e) {
            log.warn("Pool of service {} cannot refill itself: set {}", service.id(), String.join(", ", e.missing()));
            return Optional.empty();
        }
        String area = areas.get(0).orElse(null);
        Optional<String> reserved = transactions.write(
                status -> purchases.reserve(service.id(), policy.maxNumbers(), shortage.constraint(), area));
        if (reserved.isEmpty()) {
            atLimitUntil.put(service.id(), clock.instant().plus(AT_LIMIT_QUIET));
            log.info(
                    "Pool of service {} is at its limit of {} numbers: nothing bought",
                    service.id(),
                    policy.maxNumbers());
            return Optional.empty();
        }
        return buy(service, policy, areas, shortage, reserved.get());
    }

    private Optional<PhoneNumber> buy(
            ProxyService service,
            AutoBuy policy,
            List<Optional<String>> areas,
            PoolShortage shortage,
            String purchase) {
        String lastError = "no number available";
        try {
            for (Optional<String> area : areas) {
                for (PhoneNumber candidate : project.available(area, CANDIDATES)) {
                    if (!candidate.region().equals(policy.country())) {
                        continue;
                    }
                    ProjectNumber bought;
                    try {
                        bought = project.buy(candidate);
                    } catch (SignalWireRejected e) {
                        // Taken by someone else since the search, most likely: try the next.
                        lastError =
                                "SignalWire answered " + e.status() + (e.code() == null ? "" : " (" + e.code() + ")");
                        continue;
                    }
                    boolean configured = configure(bought);
                    added(service, bought.number(), configured, shortage, purchase);
                    return Optional.of(bought.number());
                }
            }
            String why = lastError;
            log.warn("Pool of service {} could not buy a number: {}", service.id(), why);
            transactions.write(status -> {
                purchases.failed(purchase, why);
                return null;
            });
        } catch (RuntimeException e) {
            String error = e instanceof SignalWireUnavailable || e instanceof SignalWireRejected
                    ? e.getMessage()
                    : e.getClass().getSimpleName();
            log.warn("Pool of service {} could not buy a number: {}", service.id(), error);
            transactions.write(status -> {
                purchases.failed(purchase, error);
                return null;
            });
        }
        return Optional.empty();
    }

    private boolean configure(ProjectNumber bought) {
        if (bought.id() == null) {
            return false;
        }
        try {
            project.setHandlers(bought.id(), address.of(WebhookRoutes.CALLS), address.of(WebhookRoutes.TEXTS));
            return true;
        } catch (SignalWireRejected | SignalWireUnavailable e) {
            log.warn("Bought number {} could not be set up: {}", bought.number().redacted(), e.getMessage());
            return false;
        }
    }

    private void added(
            ProxyService service, PhoneNumber number, boolean configured, PoolShortage shortage, String purchase) {
        sessions.addToPool(service, List.of(NewPoolNumber.plain(number)));
        transactions.write(status -> {
            purchases.bought(purchase, number);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("purchase_id", purchase);
            data.put("number", number.e164());
            data.put("country", number.region());
            data.put("area_code", number.nanpAreaCode().orElse(null));
            data.put("reason", shortage.constraint());
            data.put("configured", configured);
            data.put("max_numbers", service.settings().autoBuy().maxNumbers());
            publisher.publishEvent(new PlatformEvent(NUMBER_BOUGHT, service.id().value(), null, null, data));
            return null;
        });
        log.info(
                "Bought number {} for the pool of service {} ({}){}",
                number.redacted(),
                service.id(),
                shortage.constraint(),
                configured ? "" : "; its handlers are not set, run numbers/sync with fix");
    }

    /** Whether no purchase is under way on this instance. */
    boolean idle() {
        return running.isEmpty();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
