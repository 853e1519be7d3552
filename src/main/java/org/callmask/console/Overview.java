package org.callmask.console;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callmask.core.HourlyCount;
import org.callmask.core.PageRequest;
import org.callmask.events.Events;
import org.callmask.interaction.InteractionStats;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolStats;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.callmask.session.SessionStats;
import org.callmask.telephony.WebhookSecurityProperties;
import org.springframework.stereotype.Component;

/** What the overview shows, gathered from the services that own each number. */
@Component
class Overview {

    static final int HOURS = 24;
    static final List<String> OUTCOMES = List.of("connected", "forwarded", "refused", "blocked");

    private final Services services;
    private final SessionStats sessions;
    private final InteractionStats interactions;
    private final NumberPool pool;
    private final Events events;
    private final WebhookSecurityProperties webhooks;
    private final Clock clock;

    Overview(
            Services services,
            SessionStats sessions,
            InteractionStats interactions,
            NumberPool pool,
            Events events,
            WebhookSecurityProperties webhooks,
            Clock clock) {
        this.services = services;
        this.sessions = sessions;
        this.interactions = interactions;
        this.pool = pool;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** One service's line in the overview. */
    public record ServiceLine(
            String id,
            String name,
            long activeSessions,
            long numbers,
            long numbersInUse,
            long busiestNumberLoad,
            long mostHeldByOneParticipant,
            long deliveriesPending,
            long deliveriesFailed) {

        /** The busiest number's load against the most one participant holds, as a share of the pool. */
        public int utilisationPercent() {
            return numbers == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * mostHeldByOneParticipant / numbers));
        }
    }

    public record Cards(
            long activeSessions,
            long deliveriesPending,
            long deliveriesFailed,
            boolean signaturesChecked,
            List<ServiceLine> services) {}

    Cards cards() {
        Map<String, Long> active = sessions.activeByService();
        Map<String, Long> mostHeld = sessions.mostHeldByService();
        Map<String, PoolStats> usage = pool.usageByService();
        Map<String, Map<String, Long>> deliveries = events.countsByServiceAndStatus();
        List<ServiceLine> lines = new ArrayList<>();
        for (ProxyService service : allServices()) {
            String id = service.id().value();
            PoolStats stats = usage.getOrDefault(id, new PoolStats(0, 0, 0));
            Map<String, Long> byStatus = deliveries.getOrDefault(id, Map.of());
            lines.add(new ServiceLine(
                    id,
                    service.uniqueName(),
                    active.getOrDefault(id, 0L),
                    stats.numbers(),
                    stats.inUse(),
                    stats.busiestRoutes(),
                    mostHeld.getOrDefault(id, 0L),
                    byStatus.getOrDefault("pending", 0L),
                    byStatus.getOrDefault("failed", 0L)));
        }
        return new Cards(
                lines.stream().mapToLong(ServiceLine::activeSessions).sum(),
                lines.stream().mapToLong(ServiceLine::deliveriesPending).sum(),
                lines.stream().mapToLong(ServiceLine::deliveriesFailed).sum(),
                webhooks.signalwire().signingKey() != null,
                lines);
    }

    /**
     * The last 24 hours, hour by hour, as uPlot reads series: {@code hours} (seconds since the
     * epoch) and one list of counts per series.
     */
    Map<String, Object> charts() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(HOURS - 1, ChronoUnit.HOURS);
        List<Long> hours = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            hours.add(start.plus(i, ChronoUnit.HOURS).getEpochSecond());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hours", hours);
        Map<String, long[]> lifecycle = series(sessions.openedAndClosed(start), start, List.of("opened", "closed"));
        out.put("sessions", lifecycle);
        out.put("interactions", series(interactions.hourlyByOutcome(start), start, OUTCOMES));
        return out;
    }

    private static Map<String, long[]> series(List<HourlyCount> counts, Instant start, List<String> kinds) {
        Map<String, long[]> out = new LinkedHashMap<>();
        kinds.forEach(k -> out.put(k, new long[HOURS]));
        for (HourlyCount c : counts) {
            int index = (int) ChronoUnit.HOURS.between(start, c.hour());
            long[] series = out.get(c.kind());
            if (series != null && index >= 0 && index < HOURS) {
                series[index] += c.count();
            }
        }
        return out;
    }

    /** Every service, the built-in one first; a console for thousands of services would page. */
    List<ProxyService> allServices() {
        return services.page(new PageRequest(PageRequest.MAX_SIZE, java.util.Optional.empty()))
                .items();
    }
}
