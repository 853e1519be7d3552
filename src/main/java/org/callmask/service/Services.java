package org.callmask.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.callmask.core.Cursor;
import org.callmask.core.Page;
import org.callmask.core.PageRequest;
import org.callmask.system.StorageDialect;
import org.callmask.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, changes and deletes services. A service is addressed by its id or its unique
 * name; ids and names cannot be confused, since a name may not look like an id.
 *
 * <pre>{@code
 * ProxyService deliveries = services.create("deliveries", ServiceSettings.DEFAULTS);
 * services.require("deliveries");  // the same service
 * }</pre>
 */
@Service
public class Services {

    private static final Logger log = LoggerFactory.getLogger(Services.class);

    /** The longest a rotated-out secret keeps signing. */
    public static final Duration MAX_SECRET_GRACE = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServiceRepository repository;
    private final Transactions transactions;
    private final StorageDialect dialect;
    private final Clock clock;
    private final AtomicReference<ServiceId> builtIn = new AtomicReference<>();

    /**
     * Services read by id, kept briefly: every webhook needs its service's settings, and they
     * change rarely. A change made here is seen at once; one made by another instance within
     * {@code callmask.services.cache} (a second by default).
     */
    private final Map<ServiceId, Cached> byId = new ConcurrentHashMap<>();

    private final Map<String, ServiceId> idsByName = new ConcurrentHashMap<>();

    private record Cached(Optional<ProxyService> service, long loadedAt) {}

    private final long cacheNanos;

    Services(
            ServiceRepository repository,
            Transactions transactions,
            StorageDialect dialect,
            Clock clock,
            @Value("${callmask.services.cache:1s}") Duration cache) {
        this.cacheNanos = cache.toNanos();
        this.repository = repository;
        this.transactions = transactions;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * @throws ServiceNameTaken when another service has the name
     * @throws IllegalArgumentException when the name breaks {@link ServiceName}
     */
    public ProxyService create(String uniqueName, ServiceSettings settings) {
        requireName(uniqueName);
        Instant now = clock.instant();
        ProxyService service = new ProxyService(ServiceId.random(), uniqueName, settings, now, now);
        try {
            transactions.write(status -> {
                repository.insert(service, newSecret());
                return null;
            });
        } catch (RuntimeException e) {
            if (dialect.isUniqueViolation(e)) {
                throw new ServiceNameTaken(uniqueName);
            }
            throw e;
        }
        log.info("Service {} created", service.id());
        return service;
    }

    /** The service with this id or unique name, unless it was deleted. */
    public Optional<ProxyService> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        if (ServiceId.looksLikeOne(idOrName)) {
            return find(new ServiceId(idOrName));
        }
        ServiceId known = idsByName.get(idOrName);
        if (known != null) {
            Optional<ProxyService> service = find(known);
            if (service.isPresent() && service.get().uniqueName().equals(idOrName)) {
                return service;
            }
        }
        Optional<ProxyService> service = repository.byName(idOrName);
        service.ifPresent(found -> {
            if (idsByName.size() > 10_000) {
                idsByName.clear();
            }
            idsByName.put(found.uniqueName(), found.id());
        });
        return service;
    }

    /** @throws ServiceNotFound when there is none */
    public ProxyService require(String idOrName) {
        return find(idOrName).orElseThrow(ServiceNotFound::new);
    }

    public Optional<ProxyService> find(ServiceId id) {
        Cached cached = byId.get(id);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return cached.service();
        }
        Optional<ProxyService> service = repository.byId(id);
        if (byId.size() > 10_000) {
            byId.clear();
        }
        byId.put(id, new Cached(service, now));
        return service;
    }

    /** The built-in service the seed API works on. */
    public ProxyService builtIn() {
        ServiceId id = builtIn.get();
        if (id != null) {
            Optional<ProxyService> service = find(id);
            if (service.isPresent()) {
                return service.get();
            }
        }
        ProxyService service = repository
                .byName(ProxyService.DEFAULT_NAME)
                .orElseThrow(() -> new IllegalStateException("The built-in service is missing from the database"));
        builtIn.set(service.id());
        return service;
    }

    /** Services in the order they were created. */
    public Page<ProxyService> page(PageRequest request) {
        return Page.of(
                repository.page(request), request, s -> new Cursor(s.createdAt().toEpochMilli(), s.id().value()));
    }

    /**
     * Replaces a service's name and settings.
     *
     * @throws ServiceNotFound when it is gone
     * @throws ServiceNameTaken when another service has the new name
     * @throws BuiltInServiceChange when the built-in service would be renamed
     */
    public ProxyService update(ProxyService current, String uniqueName, ServiceSettings settings) {
        if (!current.uniqueName().equals(uniqueName)) {
            if (current.isBuiltIn()) {
                throw new BuiltInServiceChange("renamed");
            }
            requireName(uniqueName);
        }
        Instant now = clock.instant();
        boolean updated;
        try {
            updated = transactions.write(status -> repository.update(current.id(), uniqueName, settings, now));
        } catch (RuntimeException e) {
            if (dialect.isUniqueViolation(e)) {
                throw new ServiceNameTaken(uniqueName);
            }
            throw e;
        }
        byId.remove(current.id());
        idsByName.remove(current.uniqueName());
        if (!updated) {
            throw new ServiceNotFound();
        }
        return new ProxyService(current.id(), uniqueName, settings, current.createdAt(), now);
    }

    /**
     * Marks a service deleted, inside the caller's transaction, which has made sure it has no open
     * sessions.
     *
     * @return false when it was already gone
     * @throws BuiltInServiceChange for the built-in service
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(ProxyService service) {
        if (service.isBuiltIn()) {
            throw new BuiltInServiceChange("deleted");
        }
        byId.remove(service.id());
        idsByName.remove(service.uniqueName());
        return repository.delete(service.id(), clock.instant());
    }

    /**
     * The secrets that sign the service's outgoing requests now.
     *
     * @throws ServiceNotFound when it is gone
     */
    public CallbackSecrets callbackSecrets(ServiceId id) {
        return repository.secrets(id).orElseThrow(ServiceNotFound::new);
    }

    /**
     * Gives the service a new callback secret. The previous one keeps signing alongside it for
     * {@code grace}, so the platform can switch its verification over without losing a delivery.
     *
     * @return the new secret, which is shown only this once
     * @throws ServiceNotFound when it is gone
     */
    public String rotateCallbackSecret(ProxyService service, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_SECRET_GRACE) > 0) {
            throw new IllegalArgumentException(
                    "grace_period must be between 0 and " + MAX_SECRET_GRACE.toSeconds() + " seconds");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        boolean rotated = transactions.write(status -> repository.rotate(service.id(), secret, now.plus(grace), now));
        if (!rotated) {
            throw new ServiceNotFound();
        }
        log.info("Service {}: callback secret rotated, the previous one signs for {} more", service.id(), grace);
        return secret;
    }

    /**
     * Gives a service from before callback secrets existed its first one.
     *
     * @return the new secret, shown only this once; empty when it had one already
     */
    public Optional<String> ensureCallbackSecret(ProxyService service) {
        String secret = newSecret();
        boolean set = transactions.write(status -> repository.setSecretIfNone(service.id(), secret, clock.instant()));
        return set ? Optional.of(secret) : Optional.empty();
    }

    /**
     * Notes that the service's pool went under its low watermark.
     *
     * @return true for the instance that noted it first in this dip (or in this {@code repeat}
     *     period, while the dip lasts): it tells the platform
     */
    public boolean notePoolLow(ServiceId id, Duration repeat) {
        Instant now = clock.instant();
        return transactions.write(status -> repository.markPoolLow(id, now, now.minus(repeat)));
    }

    /** The pool grew: the next dip under the watermark is told at once. */
    public void clearPoolLow(ServiceId id) {
        transactions.write(status -> {
            repository.clearPoolLow(id);
            return null;
        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void requireName(String name) {
        String problem = ServiceName.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("unique_name " + problem);
        }
    }
}
