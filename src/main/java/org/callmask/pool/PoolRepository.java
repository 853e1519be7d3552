package org.callmask.pool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.core.PublicId;
import org.callmask.service.ServiceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoolRepository {

    private static final String COLUMNS = """
            SELECT id, number, service_id, country, area_code, capabilities, reserved, capacity,
                   active_routes, created_at, updated_at
            FROM pool_number
            """;

    // Re-adding a removed number brings it back, into whichever service adds it, with the new
    // attributes; adding a present one changes nothing.
    private static final String ADD = """
            INSERT INTO pool_number (number, id, service_id, country, area_code, capabilities, reserved,
                                     capacity, created_at, updated_at)
            VALUES (:number, :id, :service, :country, :areaCode, :capabilities, :reserved, :capacity, :now, :now)
            ON CONFLICT (number) DO UPDATE
                SET retired_at = NULL, created_at = excluded.created_at, updated_at = excluded.updated_at,
                    service_id = excluded.service_id, capabilities = excluded.capabilities,
                    reserved = excluded.reserved, capacity = excluded.capacity
                WHERE pool_number.retired_at IS NOT NULL
            """;

    private static final String IN_OTHER_SERVICES = """
            SELECT number
            FROM pool_number
            WHERE number IN (:numbers) AND retired_at IS NULL AND service_id <> :service
            """;

    // What every automatic choice requires; the geographic filters are added only when asked for.
    // The capabilities are listed rather than masked, and no flag switches a filter off: PostgreSQL
    // estimates a bitwise test or a flag at a small share of the rows, so it expected fewer rows
    // than the limit and sorted the whole pool instead of reading its load index in order (with
    // 1,000 numbers, 1.3 ms per session creation against about 0.1 ms).
    private static final String ELIGIBLE = """
              AND service_id = :service
              AND retired_at IS NULL
              AND reserved = 0
              AND capabilities IN (:capabilitySets)
              AND (capacity IS NULL OR active_routes + :routes <= capacity)
            """;

    private static final String IN_COUNTRY = """
              AND country = :country
            """;

    private static final String IN_AREA_CODE = """
              AND area_code = :areaCode
            """;

    private static final String LEAST_LOADED = """
            ORDER BY active_routes, number
            LIMIT :limit
            """;

    // Read only once no number could be given, to say why: one pass over the pool, flags and all.
    private static final String SHORTAGE = """
            SELECT COUNT(*) AS numbers,
                   COALESCE(SUM(CASE WHEN reserved = 0 THEN 1 ELSE 0 END), 0) AS unreserved,
                   COALESCE(SUM(CASE WHEN reserved = 0 AND (capabilities & :capabilities) = :capabilities
                                     THEN 1 ELSE 0 END), 0) AS capable,
                   COALESCE(SUM(CASE WHEN reserved = 0 AND (capabilities & :capabilities) = :capabilities
                                      AND (:anyCountry = 1 OR country = :country)
                                     THEN 1 ELSE 0 END), 0) AS in_country,
                   COALESCE(SUM(CASE WHEN reserved = 0 AND (capabilities & :capabilities) = :capabilities
                                      AND (:anyCountry = 1 OR country = :country)
                                      AND (:anyAreaCode = 1 OR area_code = :areaCode)
                                     THEN 1 ELSE 0 END), 0) AS in_area
            FROM pool_number
            WHERE service_id = :service AND retired_at IS NULL
            """;

    private static final String BY_NUMBER = COLUMNS + "WHERE number = :number AND retired_at IS NULL";

    private static final String BY_ID = COLUMNS + "WHERE id = :id AND retired_at IS NULL";

    private static final String NUMBERS = """
            SELECT number
            FROM pool_number
            WHERE service_id = :service AND retired_at IS NULL
            ORDER BY created_at, number
            """;

    private static final String PAGE = COLUMNS + """
            WHERE service_id = :service AND retired_at IS NULL
              AND (created_at > :afterCreated OR (created_at = :afterCreated AND number > :afterNumber))
            ORDER BY created_at, number
            LIMIT :limit
            """;

    private static final String PRESENT = """
            SELECT number
            FROM pool_number
            WHERE number IN (:numbers) AND retired_at IS NULL
            """;

    // The retired_at guard makes a concurrent removal and allocation serialise on this row:
    // whichever comes second sees the other's outcome. Reserved and capacity are checked again
    // here, under the row lock, because they may have changed since the candidates were read.
    private static final String TAKE_ROUTES = """
            UPDATE pool_number
            SET active_routes = active_routes + :routes
            WHERE number = :number
              AND retired_at IS NULL
              AND (reserved = 0 OR :explicit = 1)
              AND (capacity IS NULL OR active_routes + :routes <= capacity)
            """;

    private static final String GIVE_BACK_ROUTES = """
            UPDATE pool_number
            SET active_routes = active_routes - :routes
            WHERE number = :number
            """;

    private static final String RETIRE = """
            UPDATE pool_number
            SET retired_at = :now, updated_at = :now
            WHERE number = :number AND retired_at IS NULL
            """;

    private static final String CHANGE = """
            UPDATE pool_number
            SET reserved = :reserved, capacity = :capacity, updated_at = :now
            WHERE number = :number AND retired_at IS NULL
            """;

    private static final String WITHOUT_GEOGRAPHY = "SELECT number FROM pool_number WHERE country IS NULL";

    private static final String SET_GEOGRAPHY = """
            UPDATE pool_number SET country = :country, area_code = :areaCode WHERE number = :number
            """;

    private static final String STATS = """
            SELECT COUNT(*) AS numbers,
                   COALESCE(SUM(CASE WHEN active_routes > 0 THEN 1 ELSE 0 END), 0) AS in_use,
                   COALESCE(MAX(active_routes), 0) AS busiest
            FROM pool_number
            WHERE retired_at IS NULL
            """;

    // Numbers that could take another route: in the pool, not reserved, under their capacity.
    private static final String ROOMY = """
            SELECT COUNT(*)
            FROM pool_number
            WHERE service_id = :service AND retired_at IS NULL AND reserved = 0
              AND (capacity IS NULL OR active_routes < capacity)
            """;

    private static final String USAGE = """
            SELECT service_id, COUNT(*) AS numbers,
                   SUM(CASE WHEN active_routes > 0 THEN 1 ELSE 0 END) AS in_use,
                   MAX(active_routes) AS busiest
            FROM pool_number
            WHERE retired_at IS NULL
            GROUP BY service_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final PoolVacuum vacuum;

    PoolRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches, PoolVacuum vacuum) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.vacuum = vacuum;
    }

    int add(ServiceId service, NewPoolNumber number, long now) {
        return jdbc.sql(ADD)
                .param("number", number.number().e164())
                .param("id", PublicId.next(PoolNumber.ID_PREFIX))
                .param("service", service.value())
                .param("country", number.number().region())
                .param("areaCode", number.number().nanpAreaCode().orElse(null))
                .param("capabilities", Capability.bits(number.capabilities()))
                .param("reserved", number.reserved() ? 1 : 0)
                .param("capacity", number.capacity().orElse(null))
                .param("now", now)
                .update();
    }

    Set<PhoneNumber> inOtherServices(ServiceId service, Collection<PhoneNumber> numbers) {
        return jdbc.sql(IN_OTHER_SERVICES)
                .param("numbers", e164s(numbers))
                .param("service", service.value())
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .set();
    }

    List<PoolNumber> leastLoaded(CandidateQuery query, int limit) {
        return eligible(COLUMNS + "WHERE 1 = 1\n", query, LEAST_LOADED)
                .param("limit", limit)
                .query(PoolRepository::toPoolNumber)
                .list();
    }

    List<PoolNumber> eligibleAmong(CandidateQuery query, Collection<PhoneNumber> numbers) {
        return eligible(COLUMNS + "WHERE number IN (:numbers)\n", query, "")
                .param("numbers", e164s(numbers))
                .query(PoolRepository::toPoolNumber)
                .list();
    }

    Shortage shortage(CandidateQuery query) {
        return jdbc.sql(SHORTAGE)
                .param("service", query.service().value())
                .param("capabilities", Capability.bits(query.capabilities()))
                .param("anyCountry", query.country().isPresent() ? 0 : 1)
                .param("country", query.country().orElse(""))
                .param("anyAreaCode", query.areaCode().isPresent() ? 0 : 1)
                .param("areaCode", query.areaCode().orElse(""))
                .query((rs, i) -> {
                    if (rs.getLong("numbers") == 0) {
                        return Shortage.POOL_EMPTY;
                    } else if (rs.getLong("unreserved") == 0) {
                        return Shortage.ALL_NUMBERS_RESERVED;
                    } else if (rs.getLong("capable") == 0) {
                        return Shortage.NO_NUMBER_WITH_CAPABILITY;
                    } else if (rs.getLong("in_country") == 0) {
                        return Shortage.NO_NUMBER_IN_COUNTRY;
                    } else if (rs.getLong("in_area") == 0) {
                        return Shortage.NO_NUMBER_IN_AREA_CODE;
                    }
                    return Shortage.ALL_NUMBERS_PAIRED;
                })
                .single();
    }

    private JdbcClient.StatementSpec eligible(String select, CandidateQuery query, String rest) {
        String sql = select
                + ELIGIBLE
                + (query.country().isPresent() ? IN_COUNTRY : "")
                + (query.areaCode().isPresent() ? IN_AREA_CODE : "")
                + rest;
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("service", query.service().value())
                .param("capabilitySets", Capability.setsWith(query.capabilities()))
                .param("routes", query.routes());
        query.country().ifPresent(country -> spec.param("country", country));
        query.areaCode().ifPresent(areaCode -> spec.param("areaCode", areaCode));
        return spec;
    }

    Optional<PoolNumber> byNumber(PhoneNumber number) {
        return jdbc.sql(BY_NUMBER)
                .param("number", number.e164())
                .query(PoolRepository::toPoolNumber)
                .optional();
    }

    Optional<PoolNumber> byId(String id) {
        return jdbc.sql(BY_ID)
                .param("id", id)
                .query(PoolRepository::toPoolNumber)
                .optional();
    }

    List<PhoneNumber> numbers(ServiceId service) {
        return jdbc.sql(NUMBERS)
                .param("service", service.value())
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .list();
    }

    List<PoolNumber> page(ServiceId service, PageRequest request) {
        Cursor after = request.after().orElse(new Cursor(Long.MIN_VALUE, ""));
        return jdbc.sql(PAGE)
                .param("service", service.value())
                .param("afterCreated", after.createdAt())
                .param("afterNumber", after.id())
                .param("limit", request.fetchLimit())
                .query(PoolRepository::toPoolNumber)
                .list();
    }

    Set<PhoneNumber> present(Collection<PhoneNumber> numbers) {
        return jdbc.sql(PRESENT)
                .param("numbers", e164s(numbers))
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .set();
    }

    /** Runs the claims in the order given, as one batch: one round trip to the database. */
    boolean takeRoutes(List<RouteClaim> claims) {
        SqlParameterSource[] batch = claims.stream()
                .map(claim -> new MapSqlParameterSource()
                        .addValue("number", claim.number().e164())
                        .addValue("routes", claim.routes())
                        .addValue("explicit", claim.explicit() ? 1 : 0))
                .toArray(SqlParameterSource[]::new);
        vacuum.rewrote();
        return Arrays.stream(batches.batchUpdate(TAKE_ROUTES, batch)).allMatch(count -> count == 1);
    }

    void giveBackRoutes(PhoneNumber number, int routes) {
        vacuum.rewrote();
        jdbc.sql(GIVE_BACK_ROUTES)
                .param("number", number.e164())
                .param("routes", routes)
                .update();
    }

    boolean retire(PhoneNumber number, long now) {
        return jdbc.sql(RETIRE).param("number", number.e164()).param("now", now).update() == 1;
    }

    boolean change(PhoneNumber number, boolean reserved, Integer capacity, long now) {
        return jdbc.sql(CHANGE)
                        .param("number", number.e164())
                        .param("reserved", reserved ? 1 : 0)
                        .param("capacity", capacity)
                        .param("now", now)
                        .update()
                == 1;
    }

    List<PhoneNumber> withoutGeography() {
        return jdbc.sql(WITHOUT_GEOGRAPHY)
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .list();
    }

    void setGeography(PhoneNumber number) {
        jdbc.sql(SET_GEOGRAPHY)
                .param("number", number.e164())
                .param("country", number.region())
                .param("areaCode", number.nanpAreaCode().orElse(null))
                .update();
    }

    PoolStats stats() {
        return jdbc.sql(STATS)
                .query((rs, i) -> new PoolStats(rs.getLong("numbers"), rs.getLong("in_use"), rs.getLong("busiest")))
                .single();
    }

    long roomy(ServiceId service) {
        return jdbc.sql(ROOMY)
                .param("service", service.value())
                .query(Long.class)
                .single();
    }

    private static List<String> e164s(Collection<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).toList();
    }

    private static PoolNumber toPoolNumber(ResultSet rs, int row) throws SQLException {
        int capacity = rs.getInt("capacity");
        Optional<Integer> limit = rs.wasNull() ? Optional.empty() : Optional.of(capacity);
        return new PoolNumber(
                rs.getString("id"),
                new PhoneNumber(rs.getString("number")),
                new ServiceId(rs.getString("service_id")),
                rs.getString("country"),
                Optional.ofNullable(rs.getString("area_code")),
                Capability.fromBits(rs.getInt("capabilities")),
                rs.getInt("reserved") == 1,
                limit,
                rs.getInt("active_routes"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    java.util.Map<String, PoolStats> usageByService() {
        java.util.Map<String, PoolStats> out = new java.util.LinkedHashMap<>();
        jdbc.sql(USAGE)
                .query((rs, i) -> out.put(
                        rs.getString("service_id"),
                        new PoolStats(rs.getLong("numbers"), rs.getLong("in_use"), rs.getLong("busiest"))))
                .list();
        return out;
    }
}
