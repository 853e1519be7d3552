package org.callmask.pool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoolRepository {

    // Re-adding a removed number brings it back; adding a present one changes nothing.
    private static final String ADD = """
            INSERT INTO pool_number (number, created_at)
            VALUES (:number, :now)
            ON CONFLICT (number) DO UPDATE
                SET retired_at = NULL, created_at = excluded.created_at
                WHERE pool_number.retired_at IS NOT NULL
            """;

    private static final String LEAST_LOADED = """
            SELECT number, active_routes
            FROM pool_number
            WHERE retired_at IS NULL
            ORDER BY active_routes, number
            LIMIT :limit
            """;

    private static final String FIND_AVAILABLE = """
            SELECT number, active_routes
            FROM pool_number
            WHERE number = :number AND retired_at IS NULL
            """;

    // The retired_at guard makes a concurrent removal and allocation serialise on this row:
    // whichever comes second sees the other's outcome.
    private static final String NUMBERS = """
            SELECT number
            FROM pool_number
            WHERE retired_at IS NULL
            ORDER BY created_at, number
            """;

    private static final String PRESENT = """
            SELECT number
            FROM pool_number
            WHERE number IN (:numbers) AND retired_at IS NULL
            """;

    private static final String TAKE_ROUTES = """
            UPDATE pool_number
            SET active_routes = active_routes + :routes
            WHERE number = :number AND retired_at IS NULL
            """;

    private static final String GIVE_BACK_ROUTES = """
            UPDATE pool_number
            SET active_routes = active_routes - :routes
            WHERE number = :number
            """;

    private static final String RETIRE = """
            UPDATE pool_number
            SET retired_at = :now
            WHERE number = :number AND retired_at IS NULL
            """;

    private static final String STATS = """
            SELECT COUNT(*) AS numbers,
                   COALESCE(SUM(CASE WHEN active_routes > 0 THEN 1 ELSE 0 END), 0) AS in_use,
                   COALESCE(MAX(active_routes), 0) AS busiest
            FROM pool_number
            WHERE retired_at IS NULL
            """;

    private final JdbcClient jdbc;

    PoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int add(PhoneNumber number, long now) {
        return jdbc.sql(ADD).param("number", number.e164()).param("now", now).update();
    }

    List<PoolNumber> leastLoaded(int limit) {
        return jdbc.sql(LEAST_LOADED)
                .param("limit", limit)
                .query(PoolRepository::toPoolNumber)
                .list();
    }

    Optional<PoolNumber> findAvailable(PhoneNumber number) {
        return jdbc.sql(FIND_AVAILABLE)
                .param("number", number.e164())
                .query(PoolRepository::toPoolNumber)
                .optional();
    }

    List<PhoneNumber> numbers() {
        return jdbc.sql(NUMBERS)
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .list();
    }

    Set<PhoneNumber> present(Collection<PhoneNumber> numbers) {
        return jdbc.sql(PRESENT)
                .param("numbers", numbers.stream().map(PhoneNumber::e164).toList())
                .query((rs, i) -> new PhoneNumber(rs.getString("number")))
                .set();
    }

    boolean takeRoutes(PhoneNumber number, int routes) {
        return jdbc.sql(TAKE_ROUTES)
                        .param("number", number.e164())
                        .param("routes", routes)
                        .update()
                == 1;
    }

    void giveBackRoutes(PhoneNumber number, int routes) {
        jdbc.sql(GIVE_BACK_ROUTES)
                .param("number", number.e164())
                .param("routes", routes)
                .update();
    }

    boolean retire(PhoneNumber number, long now) {
        return jdbc.sql(RETIRE).param("number", number.e164()).param("now", now).update() == 1;
    }

    PoolStats stats() {
        return jdbc.sql(STATS)
                .query((rs, i) -> new PoolStats(rs.getLong("numbers"), rs.getLong("in_use"), rs.getLong("busiest")))
                .single();
    }

    private static PoolNumber toPoolNumber(ResultSet rs, int row) throws SQLException {
        return new PoolNumber(new PhoneNumber(rs.getString("number")), rs.getInt("active_routes"));
    }
}
