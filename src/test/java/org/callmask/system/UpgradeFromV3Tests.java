package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callmask.support.SwmlAnswer.connectsTo;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.MutableClock;
import org.callmask.support.ServiceInstance;
import org.callmask.support.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that the service ran on before services existed (migrations V1 to V3), holding masks,
 * upgraded by the service itself when it starts: nothing the seed's clients relied on changes, and
 * every row becomes part of the built-in service.
 */
@Tag("store")
class UpgradeFromV3Tests {

    private static final Instant NOW = MutableClock.START;

    private static final String CLIENT = "+15559990000";
    private static final String CONTRACTOR = "+15558001234";
    private static final String PROXY = "+15551231111";

    private static final String FIRST_ADDED = "+15551232222";
    private static final String LAST_ADDED = "+15551230000";
    private static final String RETIRED = "+15551233333";
    private static final String LONDON = "+442071838750";

    private static final String EXPIRED_CLIENT = "+15559990001";
    private static final String EXPIRED_CONTRACTOR = "+15558000001";
    private static final String DELETED_CLIENT = "+15559990002";
    private static final String DELETED_CONTRACTOR = "+15558000002";

    private static final String POOL_ROWS =
            "SELECT number, created_at, retired_at, active_routes FROM pool_number ORDER BY number";
    private static final String SESSION_ROWS = "SELECT id, pair_key, created_at, expires_at, closed_at, close_reason"
            + " FROM session WHERE id IN (:v3) ORDER BY id";
    private static final String PARTICIPANT_ROWS = "SELECT session_id, role, number, proxy_number, released_at"
            + " FROM participant WHERE session_id IN (:v3) ORDER BY session_id, role";

    @TempDir
    static Path temp;

    private static final MutableClock clock = new MutableClock();
    private static ServiceInstance app;
    private static JdbcClient jdbc;

    private static long openMask;
    private static long expiredMask;
    private static long deletedMask;
    private static long purgedMask;

    private static List<List<String>> poolBefore;
    private static List<List<String>> sessionsBefore;
    private static List<List<String>> participantsBefore;

    @BeforeAll
    static void upgradeADatabaseTheServiceRanOnBeforeServices() {
        TestStore store = TestStore.current();
        store.assumeReachable();
        Map<String, String> database = new HashMap<>(
                store == TestStore.POSTGRESQL
                        ? ServiceInstance.postgresSchema(TestStore.createSchema())
                        : Map.of("spring.datasource.url", "jdbc:sqlite:" + temp.resolve("data/callmask.db")));

        try (HikariDataSource v3 = dataSource(database)) {
            Flyway.configure()
                    .dataSource(v3)
                    .locations("classpath:db/migration/" + store.name().toLowerCase(Locale.ROOT))
                    .target("3")
                    .load()
                    .migrate();
            JdbcClient old = JdbcClient.create(v3);
            fillAsTheSeedDid(old);
            poolBefore = rows(old, POOL_ROWS);
            sessionsBefore = rows(old, SESSION_ROWS);
            participantsBefore = rows(old, PARTICIPANT_ROWS);
        }

        database.put("logging.level.org.callmask", "WARN");
        app = ServiceInstance.start(clock, database);
        jdbc = JdbcClient.create(app.bean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anOpenMaskFromBeforeServicesStillRoutesBothWaysAfterTheUpgrade() {
        assertThat(connectsTo(
                        http().postJson("/calls/route", callBody(CLIENT, PROXY)).body()))
                .containsExactly(CONTRACTOR);
        assertThat(connectsTo(http().postJson("/calls/route", callBody(CONTRACTOR, PROXY))
                        .body()))
                .containsExactly(CLIENT);
    }

    @Test
    void thePoolListsTheSameNumbersInTheOrderTheyWereAddedWithTheSameUse() {
        String pool = http().get("/api/rest/numberPool").body();

        assertThat(JsonPath.<List<String>>read(pool, "$[*].phone_number"))
                .containsExactly(FIRST_ADDED, PROXY, LONDON, LAST_ADDED);
        assertThat(JsonPath.<List<Integer>>read(pool, "$[*].in_use")).containsExactly(0, 1, 0, 0);
    }

    @Test
    void masksClosedBeforeTheUpgradeStayClosedWithTheirStatus() {
        String masks = http().get("/api/rest/numberMask/%2B15551231111").body();

        // The deleted mask is on this number too; the seed never listed deleted masks.
        assertThat(JsonPath.<List<Number>>read(masks, "$[*].id"))
                .map(Number::longValue)
                .containsExactly(expiredMask, openMask);
        assertThat(JsonPath.<Map<String, Object>>read(masks, "$[0]"))
                .containsEntry("client_number", EXPIRED_CLIENT)
                .containsEntry("contractor_number", EXPIRED_CONTRACTOR)
                .containsEntry("mask_number", PROXY)
                .containsEntry("created_at", "2024-03-31 19:25:31")
                .containsEntry("expires_at", "2024-04-01 19:25:31")
                .containsEntry("deleted", 0)
                .containsEntry("status", "expired");
        assertThat(JsonPath.<Map<String, Object>>read(masks, "$[1]"))
                .containsEntry("client_number", CLIENT)
                .containsEntry("contractor_number", CONTRACTOR)
                .containsEntry("created_at", "2024-04-03 18:25:31")
                .containsEntry("expires_at", "2024-04-04 18:25:31")
                .containsEntry("status", "active");
        assertThat(connectsTo(http().postJson("/calls/route", callBody(EXPIRED_CLIENT, PROXY))
                        .body()))
                .isEmpty();
        assertThat(connectsTo(http().postJson("/calls/route", callBody(DELETED_CLIENT, PROXY))
                        .body()))
                .isEmpty();
    }

    @Test
    void everyRowKeepsWhatItHeldBeforeTheUpgrade() {
        assertThat(rows(jdbc, POOL_ROWS)).isEqualTo(poolBefore);
        assertThat(rows(jdbc, SESSION_ROWS)).isEqualTo(sessionsBefore);
        assertThat(rows(jdbc, PARTICIPANT_ROWS)).isEqualTo(participantsBefore);
    }

    @Test
    void everyRowFromBeforeTheUpgradeGetsAPublicIdOfItsOwn() {
        assertIdsOfShape("SELECT id FROM service", "svc", 1);
        assertIdsOfShape("SELECT id FROM pool_number", "num", poolBefore.size());
        assertIdsOfShape("SELECT public_id FROM session WHERE id IN (:v3)", "ses", sessionsBefore.size());
        assertIdsOfShape("SELECT id FROM participant WHERE session_id IN (:v3)", "par", participantsBefore.size());
    }

    @Test
    void everyNumberAndMaskFromBeforeBelongsToTheBuiltInService() {
        assertThat(jdbc.sql("""
                        SELECT unique_name, default_ttl, geo_match, number_selection, cool_off, deleted_at
                        FROM service
                        """).query(UpgradeFromV3Tests::row).list())
                .containsExactly(List.of("default", "86400", "none", "prefer-sticky", "0", "null"));
        String builtIn = jdbc.sql("SELECT id FROM service").query(String.class).single();

        assertThat(jdbc.sql("SELECT DISTINCT service_id FROM pool_number")
                        .query(String.class)
                        .list())
                .containsExactly(builtIn);
        assertThat(jdbc.sql("SELECT DISTINCT service_id FROM session")
                        .query(String.class)
                        .list())
                .containsExactly(builtIn);
    }

    @Test
    void masksFromBeforeKeepTheirLifetimeAsAFixedEnd() {
        // The seed's masks had an absolute end and no sliding lifetime, and could carry voice and text.
        assertThat(rows(jdbc, """
                        SELECT mode, ttl, last_interaction_at, unique_name, metadata,
                               CASE WHEN expires_at_fixed = expires_at THEN 'fixed end' ELSE 'moved' END
                        FROM session WHERE id IN (:v3) ORDER BY id
                        """))
                .hasSize(sessionsBefore.size())
                .containsOnly(List.of("voice-and-message", "null", "null", "null", "null", "fixed end"));
    }

    @Test
    void aParticipantFromBeforeTheUpgradeIsAsOldAsItsMask() {
        assertThat(rows(jdbc, """
                        SELECT p.id, p.created_at, s.created_at, p.name, p.removed_at
                        FROM participant p JOIN session s ON s.id = p.session_id
                        WHERE s.id IN (:v3)
                        """)).hasSize(participantsBefore.size()).allSatisfy(participant -> {
            assertThat(participant.get(1)).as("created_at").isEqualTo(participant.get(2));
            assertThat(participant.subList(3, 5)).as("name and removed_at").containsOnly("null");
        });
    }

    @Test
    void thePoolKeepsItsRouteCounts() {
        Map<String, String> counts =
                jdbc.sql("SELECT number, active_routes FROM pool_number").query(UpgradeFromV3Tests::row).list().stream()
                        .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(FIRST_ADDED, "0", PROXY, "2", LONDON, "0", LAST_ADDED, "0", RETIRED, "0"));
        assertThat(jdbc.sql("""
                        SELECT p.number
                        FROM pool_number p
                        LEFT JOIN participant r ON r.proxy_number = p.number AND r.released_at IS NULL
                        GROUP BY p.number, p.active_routes
                        HAVING p.active_routes <> COUNT(r.number)
                        """).query(String.class).list())
                .as("numbers whose count differs from their unreleased routes")
                .isEmpty();
    }

    @Test
    void numbersAddedBeforeGeographyGetTheirCountryAndAreaCodeAtStartUp() {
        // Filled on ApplicationReadyEvent, which is published before the instance's start returns.
        assertThat(rows(jdbc, "SELECT number, country, area_code FROM pool_number ORDER BY number"))
                .containsExactly(
                        List.of(LAST_ADDED, "US", "555"),
                        List.of(PROXY, "US", "555"),
                        List.of(FIRST_ADDED, "US", "555"),
                        List.of(RETIRED, "US", "555"),
                        List.of(LONDON, "GB", "null"));
    }

    @Test
    void theUpgradedTablesStillCascadeAndCheckTheirReferences() throws SQLException {
        // SQLite rebuilt the tables under temporary names: their references must follow the renames.
        try (Connection connection = app.bean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM session WHERE id = " + expiredMask);
                assertThat(count(statement, "SELECT COUNT(*) FROM participant WHERE session_id = " + expiredMask))
                        .isZero();
                assertThatThrownBy(() -> statement.executeUpdate("""
                                INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)
                                VALUES ('par_00000000000000000000000000000000', %d, 'client', '+15557770000',
                                        '+15550000000', 0, 0)
                                """.formatted(openMask)))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("foreign key"));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void aPairWhoseMaskExpiredBeforeTheUpgradeGetsItsOldNumberBack() {
        // The least-loaded choice would be a free number; only the pair's history picks this one.
        Response reopened = openMask(EXPIRED_CLIENT, EXPIRED_CONTRACTOR);
        try {
            assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
            assertThat(JsonPath.<String>read(reopened.body(), "$.mask_number")).isEqualTo(PROXY);
        } finally {
            deleteMask(PROXY, EXPIRED_CLIENT, EXPIRED_CONTRACTOR);
        }
    }

    @Test
    void aMaskOpenedAfterTheUpgradeNeverTakesTheIdOfOneRetentionDeleted() {
        Response opened = openMask("+15559990004", "+15558000004");
        try {
            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            assertThat(JsonPath.<Number>read(opened.body(), "$.id").longValue())
                    .as("the seed's clients saw mask %d before retention deleted it", purgedMask)
                    .isGreaterThan(purgedMask);
        } finally {
            deleteMask(JsonPath.read(opened.body(), "$.mask_number"), "+15559990004", "+15558000004");
        }
    }

    /**
     * What the seed's statements left behind: numbers added over days, one of them removed since,
     * one mask open, one expired, one deleted, one deleted by retention, and the route counts in
     * step with the routes.
     */
    private static void fillAsTheSeedDid(JdbcClient old) {
        pooled(old, FIRST_ADDED, NOW.minus(Duration.ofDays(10)), null);
        pooled(old, PROXY, NOW.minus(Duration.ofDays(9)), null);
        pooled(old, RETIRED, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(5)));
        pooled(old, LONDON, NOW.minus(Duration.ofDays(8)), null);
        pooled(old, LAST_ADDED, NOW.minus(Duration.ofDays(7)), null);

        expiredMask = mask(
                old,
                EXPIRED_CLIENT,
                EXPIRED_CONTRACTOR,
                PROXY,
                NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofDays(2)));
        closed(old, expiredMask, NOW.minus(Duration.ofDays(2)).plusSeconds(30), "expired");
        deletedMask = mask(
                old,
                DELETED_CLIENT,
                DELETED_CONTRACTOR,
                PROXY,
                NOW.minus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(1)));
        closed(old, deletedMask, NOW.minus(Duration.ofDays(1)), "deleted");
        openMask = mask(old, CLIENT, CONTRACTOR, PROXY, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(23)));
        purgedMask = mask(
                old,
                "+15559990003",
                "+15558000003",
                LAST_ADDED,
                NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(39)));
        closed(old, purgedMask, NOW.minus(Duration.ofDays(39)), "expired");
        old.sql("DELETE FROM session WHERE id = ?").param(purgedMask).update();

        old.sql("""
                        UPDATE pool_number
                        SET active_routes = (SELECT COUNT(*) FROM participant
                                             WHERE proxy_number = pool_number.number AND released_at IS NULL)
                        """).update();
    }

    private static void pooled(JdbcClient old, String number, Instant added, Instant retired) {
        old.sql("INSERT INTO pool_number (number, created_at, retired_at) VALUES (?, ?, ?)")
                .params(number, added.toEpochMilli(), retired == null ? null : retired.toEpochMilli())
                .update();
    }

    private static long mask(
            JdbcClient old, String client, String contractor, String proxy, Instant created, Instant expires) {
        long id = old.sql("INSERT INTO session (pair_key, created_at, expires_at) VALUES (?, ?, ?) RETURNING id")
                .params(client + "|" + contractor, created.toEpochMilli(), expires.toEpochMilli())
                .query(Long.class)
                .single();
        old.sql("""
                        INSERT INTO participant (session_id, role, number, proxy_number)
                        VALUES (:id, 'client', :client, :proxy), (:id, 'contractor', :contractor, :proxy)
                        """)
                .param("id", id)
                .param("client", client)
                .param("contractor", contractor)
                .param("proxy", proxy)
                .update();
        return id;
    }

    private static void closed(JdbcClient old, long mask, Instant at, String reason) {
        old.sql("UPDATE session SET closed_at = ?, close_reason = ? WHERE id = ?")
                .params(at.toEpochMilli(), reason, mask)
                .update();
        old.sql("UPDATE participant SET released_at = ? WHERE session_id = ?")
                .params(at.toEpochMilli(), mask)
                .update();
    }

    /** A connection pool as the service of V3 opened it, with SQLite's settings where they apply. */
    private static HikariDataSource dataSource(Map<String, String> database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.get("spring.datasource.url"));
        dataSource.setUsername(database.get("spring.datasource.username"));
        dataSource.setPassword(database.get("spring.datasource.password"));
        if (SqliteSettings.isSqlite(dataSource.getJdbcUrl())) {
            SqliteFiles.prepare(dataSource.getJdbcUrl());
            SqliteSettings.applyTo(dataSource);
        }
        return dataSource;
    }

    private static void assertIdsOfShape(String sql, String prefix, int rows) {
        List<String> ids = rows(jdbc, sql).stream().map(r -> r.get(0)).toList();
        assertThat(ids).hasSize(rows).doesNotHaveDuplicates().allMatch(id -> id.matches(prefix + "_[0-9a-f]{32}"));
    }

    /** Rows as text, so both stores' drivers compare alike; SQL NULL reads "null". */
    private static List<List<String>> rows(JdbcClient client, String sql) {
        var statement = client.sql(sql);
        if (sql.contains(":v3")) {
            statement = statement.param("v3", List.of(expiredMask, deletedMask, openMask));
        }
        return statement.query(UpgradeFromV3Tests::row).list();
    }

    private static List<String> row(ResultSet rs, int rowNumber) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<String> values = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            values.add(String.valueOf(rs.getString(c)));
        }
        return values;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static HttpTestClient http() {
        return app.http();
    }

    private static Response openMask(String client, String contractor) {
        return http().postJson(
                        "/api/rest/numberMask",
                        "{\"client_number\": \"" + client + "\", \"contractor_number\": \"" + contractor + "\"}");
    }

    /** Closes a mask a test opened, so the pool looks to the other tests as the upgrade left it. */
    private static void deleteMask(String mask, String client, String contractor) {
        http().delete("/api/rest/numberMask/" + encoded(mask) + "?client_number=" + encoded(client)
                + "&contractor_number=" + encoded(contractor));
    }

    private static String encoded(String number) {
        return number.replace("+", "%2B");
    }

    private static String callBody(String from, String to) {
        return "{\"call\":{\"call_id\":\"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0\",\"call_state\":\"created\","
                + "\"direction\":\"inbound\",\"type\":\"phone\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"from_number\":\"" + from + "\",\"to_number\":\"" + to + "\"},\"vars\":{}}";
    }
}
