package org.callmask.service;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callmask.core.Cursor;
import org.callmask.core.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServiceRepository {

    private static final String COLUMNS = """
            SELECT id, unique_name, default_ttl, geo_match, number_selection, cool_off,
                   out_of_session, voice, callback_url, intercept_url, intercept_on_failure,
                   grace_period, auto_buy, created_at, updated_at
            FROM service
            """;

    private static final String BY_ID = COLUMNS + "WHERE id = :id AND deleted_at IS NULL";

    private static final String BY_NAME = COLUMNS + "WHERE unique_name = :name AND deleted_at IS NULL";

    private static final String PAGE = COLUMNS + """
            WHERE deleted_at IS NULL
              AND (created_at > :afterCreated OR (created_at = :afterCreated AND id > :afterId))
            ORDER BY created_at, id
            LIMIT :limit
            """;

    private static final String INSERT = """
            INSERT INTO service (id, unique_name, default_ttl, geo_match, number_selection, cool_off,
                                 out_of_session, voice, callback_url, intercept_url, intercept_on_failure,
                                 grace_period, auto_buy, callback_secret, created_at, updated_at)
            VALUES (:id, :name, :defaultTtl, :geoMatch, :numberSelection, :coolOff,
                    :outOfSession, :voice, :callbackUrl, :interceptUrl, :interceptOnFailure,
                    :gracePeriod, :autoBuy, :secret, :now, :now)
            """;

    private static final String UPDATE = """
            UPDATE service
            SET unique_name = :name, default_ttl = :defaultTtl, geo_match = :geoMatch,
                number_selection = :numberSelection, cool_off = :coolOff,
                out_of_session = :outOfSession, voice = :voice, callback_url = :callbackUrl,
                intercept_url = :interceptUrl, intercept_on_failure = :interceptOnFailure,
                grace_period = :gracePeriod, auto_buy = :autoBuy, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;

    private static final String SECRETS = """
            SELECT callback_secret, previous_callback_secret, previous_secret_until
            FROM service
            WHERE id = :id
            """;

    // The previous secret keeps signing until its grace period ends; a rotation within the grace
    // period of the last one ends that one at once, so at most two secrets ever sign.
    private static final String ROTATE = """
            UPDATE service
            SET previous_callback_secret = callback_secret,
                previous_secret_until = CASE WHEN callback_secret IS NULL THEN NULL ELSE :previousUntil END,
                callback_secret = :secret,
                updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;

    private static final String SET_SECRET_IF_NONE = """
            UPDATE service
            SET callback_secret = :secret, updated_at = :now
            WHERE id = :id AND callback_secret IS NULL AND deleted_at IS NULL
            """;

    private static final String DELETE = """
            UPDATE service
            SET deleted_at = :now, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;

    // Once per dip: set when the pool goes low, unless it went low within the repeat period.
    private static final String MARK_POOL_LOW = """
            UPDATE service
            SET pool_low_since = :now
            WHERE id = :id AND (pool_low_since IS NULL OR pool_low_since < :repeatBefore)
            """;

    private static final String CLEAR_POOL_LOW = "UPDATE service SET pool_low_since = NULL WHERE id = :id";

    private final JdbcClient jdbc;

    ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProxyService> byId(ServiceId id) {
        return jdbc.sql(BY_ID)
                .param("id", id.value())
                .query(ServiceRepository::toService)
                .optional();
    }

    Optional<ProxyService> byName(String name) {
        return jdbc.sql(BY_NAME)
                .param("name", name)
                .query(ServiceRepository::toService)
                .optional();
    }

    List<ProxyService> page(PageRequest request) {
        Cursor after = request.after().orElse(new Cursor(Long.MIN_VALUE, ""));
        return jdbc.sql(PAGE)
                .param("afterCreated", after.createdAt())
                .param("afterId", after.id())
                .param("limit", request.fetchLimit())
                .query(ServiceRepository::toService)
                .list();
    }

    void insert(ProxyService service, String secret) {
        bind(jdbc.sql(INSERT), service.id(), service.uniqueName(), service.settings(), service.createdAt())
                .param("secret", secret)
                .update();
    }

    Optional<CallbackSecrets> secrets(ServiceId id) {
        return jdbc.sql(SECRETS)
                .param("id", id.value())
                .query((rs, row) -> {
                    long until = rs.getLong("previous_secret_until");
                    return new CallbackSecrets(
                            rs.getString("callback_secret"),
                            rs.getString("previous_callback_secret"),
                            rs.wasNull() ? null : Instant.ofEpochMilli(until));
                })
                .optional();
    }

    boolean rotate(ServiceId id, String secret, Instant previousUntil, Instant now) {
        return jdbc.sql(ROTATE)
                        .param("id", id.value())
                        .param("secret", secret)
                        .param("previousUntil", previousUntil.toEpochMilli())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    /** Gives a service that has no secret yet (one from before secrets existed) its first. */
    boolean setSecretIfNone(ServiceId id, String secret, Instant now) {
        return jdbc.sql(SET_SECRET_IF_NONE)
                        .param("id", id.value())
                        .param("secret", secret)
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    boolean update(ServiceId id, String name, ServiceSettings settings, Instant now) {
        return bind(jdbc.sql(UPDATE), id, name, settings, now).update() == 1;
    }

    boolean markPoolLow(ServiceId id, Instant now, Instant repeatBefore) {
        return jdbc.sql(MARK_POOL_LOW)
                        .param("id", id.value())
                        .param("now", now.toEpochMilli())
                        .param("repeatBefore", repeatBefore.toEpochMilli())
                        .update()
                == 1;
    }

    void clearPoolLow(ServiceId id) {
        jdbc.sql(CLEAR_POOL_LOW).param("id", id.value()).update();
    }

    boolean delete(ServiceId id, Instant now) {
        return jdbc.sql(DELETE)
                        .param("id", id.value())
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, ServiceId id, String name, ServiceSettings settings, Instant now) {
        return sql.param("id", id.value())
                .param("name", name)
                .param("defaultTtl", settings.defaultTtl().toSeconds())
                .param("geoMatch", settings.geoMatch().wire())
                .param("numberSelection", settings.numberSelection().wire())
                .param("coolOff", settings.coolOff().toSeconds())
                .param("outOfSession", SettingsJson.write(settings.outOfSession()))
                .param("voice", SettingsJson.write(settings.voice()))
                .param(
                        "callbackUrl",
                        settings.hooks().callback().map(URI::toString).orElse(null))
                .param(
                        "interceptUrl",
                        settings.hooks().intercept().map(URI::toString).orElse(null))
                .param(
                        "interceptOnFailure",
                        settings.hooks().interceptOnFailure().wire())
                .param("gracePeriod", settings.hooks().gracePeriod().toSeconds())
                .param("autoBuy", SettingsJson.write(settings.autoBuy()))
                .param("now", now.toEpochMilli());
    }

    private static ProxyService toService(ResultSet rs, int row) throws SQLException {
        ServiceSettings settings = new ServiceSettings(
                Duration.ofSeconds(rs.getLong("default_ttl")),
                GeoMatch.of(rs.getString("geo_match")).orElseThrow(),
                NumberSelection.of(rs.getString("number_selection")).orElseThrow(),
                Duration.ofSeconds(rs.getLong("cool_off")),
                SettingsJson.readOutOfSession(rs.getString("out_of_session")),
                SettingsJson.readVoice(rs.getString("voice")),
                new Hooks(
                        uri(rs.getString("callback_url")),
                        uri(rs.getString("intercept_url")),
                        InterceptFailure.of(rs.getString("intercept_on_failure"))
                                .orElseThrow(),
                        Duration.ofSeconds(rs.getLong("grace_period"))),
                SettingsJson.readAutoBuy(rs.getString("auto_buy")));
        return new ProxyService(
                new ServiceId(rs.getString("id")),
                rs.getString("unique_name"),
                settings,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }
}
