package org.callmask.system;

import com.zaxxer.hikari.HikariConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig.Pragma;

/**
 * The settings every SQLite connection runs with, whatever URL the operator gives: a bare {@code
 * jdbc:sqlite:/var/lib/callmask/callmask.db} gets them all.
 *
 * <p>Safety settings. The service is only correct with them, so a URL or driver property that tries
 * to change one is overruled, with a warning at start-up:
 *
 * <ul>
 *   <li>{@code journal_mode=WAL}: readers run beside the one writer instead of waiting for it, so
 *       call and message routing never stalls behind a mask being opened or the expiry sweep.
 *   <li>{@code foreign_keys=true}: SQLite ignores foreign keys on every connection that does not
 *       ask for them. Without them a participant may point at a session or pool number that does
 *       not exist, and deleting a closed session no longer deletes its participants ({@code ON
 *       DELETE CASCADE}), so the retention purge leaves their phone numbers behind for good.
 *   <li>{@code transaction_mode=IMMEDIATE}: a write transaction takes the write lock when it
 *       begins. A deferred one takes it at its first write, after it has read; if another writer
 *       holds the lock or has committed since that read, SQLite fails it at once with {@code
 *       SQLITE_BUSY}, whatever the busy timeout. Taken up front, the lock is queued for instead,
 *       which matters once a second process (another instance, the {@code sqlite3} shell) writes.
 * </ul>
 *
 * <p>Defaults, which the operator may override in the URL:
 *
 * <ul>
 *   <li>{@code busy_timeout=10000}: how long a connection waits for a lock another one holds before
 *       failing with {@code SQLITE_BUSY}; as long as the longest statement may run ({@code
 *       spring.jdbc.template.query-timeout}).
 *   <li>{@code synchronous=NORMAL}: with WAL, a commit does not wait for the disk. Commits survive
 *       a crash of the service; a power loss may undo the last few but never corrupts the file.
 *       {@code FULL} makes every commit wait for the disk instead.
 *   <li>{@code cache_size=-65536}: a 64 MiB page cache per connection, so the routing indexes stay
 *       in memory.
 *   <li>{@code mmap_size=0}: pages are read into the page cache, not through a memory map. In WAL
 *       mode a connection that finds the database changed since its last read drops its whole
 *       map and faults its pages in again; the interaction log commits several times a second, so
 *       every routing lookup paid for unmapping and page faults. Measured on v1 call routing, the
 *       request threads spent about a sixth less with the map off.
 * </ul>
 *
 * <p>They reach the driver as connection properties, not in the URL: Hikari hands the same
 * properties to the driver for every connection it opens, and sqlite-jdbc lets them win over the
 * parameters of the URL, so no URL can undo a safety setting, and the URL stays as the operator
 * wrote it. The URL is looked at only to warn, and to leave the operator's own values in place.
 */
final class SqliteSettings {

    private static final Logger log = LoggerFactory.getLogger(SqliteSettings.class);

    static final String URL_PREFIX = "jdbc:sqlite:";

    private record Setting(String name, String value, String why) {}

    private static final List<Setting> SAFETY = List.of(
            new Setting(Pragma.JOURNAL_MODE.pragmaName, "WAL", "routing must not wait for writers"),
            new Setting(
                    Pragma.FOREIGN_KEYS.pragmaName,
                    "true",
                    "the retention purge relies on them to delete the participants' numbers"),
            new Setting(
                    Pragma.TRANSACTION_MODE.pragmaName,
                    "IMMEDIATE",
                    "writers must queue for the lock, not fail with SQLITE_BUSY"));

    private static final Map<String, String> DEFAULTS = Map.of(
            Pragma.BUSY_TIMEOUT.pragmaName, "10000",
            Pragma.SYNCHRONOUS.pragmaName, "NORMAL",
            Pragma.CACHE_SIZE.pragmaName, "-65536",
            Pragma.MMAP_SIZE.pragmaName, "0");

    private SqliteSettings() {}

    static boolean isSqlite(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    /**
     * Adds the settings to the driver properties of {@code dataSource}, whose URL must be a SQLite
     * one. Call it once the data source is bound to {@code spring.datasource.hikari.*}, so that
     * nothing set there comes after the safety settings.
     */
    static void applyTo(HikariConfig dataSource) {
        Map<String, String> fromUrl = urlParameters(dataSource.getJdbcUrl());
        Properties driver = dataSource.getDataSourceProperties();
        for (Setting setting : SAFETY) {
            warnIfChanged(setting, fromUrl.get(setting.name()), "spring.datasource.url");
            warnIfChanged(
                    setting, driver.getProperty(setting.name()), "spring.datasource.hikari.data-source-properties");
            driver.setProperty(setting.name(), setting.value());
        }
        DEFAULTS.forEach((name, value) -> {
            if (!fromUrl.containsKey(name) && !driver.containsKey(name)) {
                driver.setProperty(name, value);
            }
        });
    }

    private static void warnIfChanged(Setting setting, String value, String source) {
        if (value == null || normalized(setting.name(), value).equals(normalized(setting.name(), setting.value()))) {
            return;
        }
        log.warn(
                "Ignoring the SQLite setting {}={} in {}: this service always runs SQLite with {}={}, since {}",
                setting.name(),
                value,
                source,
                setting.name(),
                setting.value(),
                setting.why());
    }

    private static String normalized(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (name.equals(Pragma.FOREIGN_KEYS.pragmaName)) {
            return switch (v) {
                case "on", "true", "yes", "1" -> "true";
                case "off", "false", "no", "0" -> "false";
                default -> v;
            };
        }
        return v;
    }

    /**
     * The parameters of a SQLite URL, read as sqlite-jdbc reads them: after the first {@code ?},
     * separated by {@code &}, names in lower case, the last of a name winning, empty values
     * ignored.
     */
    static Map<String, String> urlParameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = url == null ? -1 : url.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).trim();
            if (!name.isEmpty() && !value.isEmpty()) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }
}
