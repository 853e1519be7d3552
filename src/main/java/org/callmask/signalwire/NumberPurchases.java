package org.callmask.signalwire;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NumberPool;
import org.callmask.service.ServiceId;
import org.callmask.system.StorageDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code number_purchase} table: a purchase is reserved (pending) before anything is bought,
 * within a transaction that holds the service's purchase lock, so instances buying at once never
 * take the pool past its limit between them.
 */
@Repository
class NumberPurchases {

    /** A pending purchase older than this is one whose instance died; it no longer holds a place. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String PENDING = """
            SELECT COUNT(*) FROM number_purchase
            WHERE service_id = :service AND status = 'pending' AND created_at > :staleBefore
            """;

    private static final String INSERT = """
            INSERT INTO number_purchase (id, service_id, status, reason, area_code, created_at, updated_at)
            VALUES (:id, :service, 'pending', :reason, :areaCode, :now, :now)
            """;

    private static final String FINISH = """
            UPDATE number_purchase
            SET status = :status, number = :number, error = :error, updated_at = :now
            WHERE id = :id AND status = 'pending'
            """;

    private final JdbcClient jdbc;
    private final StorageDialect dialect;
    private final NumberPool pool;
    private final Clock clock;

    NumberPurchases(JdbcClient jdbc, StorageDialect dialect, NumberPool pool, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Takes a place for one purchase, if the pool and the purchases under way leave one under
     * {@code maxNumbers}. Call within a write transaction.
     *
     * @return the purchase's id; empty when the pool is at its limit
     */
    Optional<String> reserve(ServiceId service, int maxNumbers, String reason, String areaCode) {
        if (dialect == StorageDialect.POSTGRESQL) {
            // Serialises the service's reservations across instances until this transaction ends;
            // SQLite's transactions are serialised already (they begin IMMEDIATE).
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                    .param("key", "number_purchase:" + service.value())
                    .query()
                    .listOfRows();
        }
        Instant now = clock.instant();
        long pending = jdbc.sql(PENDING)
                .param("service", service.value())
                .param("staleBefore", now.minus(STALE).toEpochMilli())
                .query(Long.class)
                .single();
        int inPool = pool.numbers(service).size();
        if (inPool + pending >= maxNumbers) {
            return Optional.empty();
        }
        String id = "pur_" + HexFormat.of().formatHex(bytes());
        jdbc.sql(INSERT)
                .param("id", id)
                .param("service", service.value())
                .param("reason", reason)
                .param("areaCode", areaCode)
                .param("now", now.toEpochMilli())
                .update();
        return Optional.of(id);
    }

    void bought(String id, PhoneNumber number) {
        finish(id, "bought", number.e164(), null);
    }

    void failed(String id, String error) {
        finish(id, "failed", null, error.length() > 500 ? error.substring(0, 500) : error);
    }

    private void finish(String id, String status, String number, String error) {
        jdbc.sql(FINISH)
                .param("id", id)
                .param("status", status)
                .param("number", number)
                .param("error", error)
                .param("now", clock.instant().toEpochMilli())
                .update();
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
