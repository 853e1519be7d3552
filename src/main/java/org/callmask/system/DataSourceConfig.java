package org.callmask.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data source, as Spring Boot would build it, plus what SQLite needs first: its folder and file
 * private to this user ({@link SqliteFiles}) and its settings on every connection ({@link
 * SqliteSettings}), whatever the URL says, and a cache of each connection's prepared statements
 * ({@link StatementCache}).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    /** More than the service's statements that run often; the rest are prepared as they come. */
    private static final int STATEMENTS_PER_CONNECTION = 64;

    @Bean
    HikariDataSource dataSource(DataSourceProperties properties, Environment environment) {
        HikariDataSource dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        // Bound here, not with @ConfigurationProperties on this method, which binds only after it
        // returns: the SQLite settings must come after spring.datasource.hikari.*, so that neither
        // a jdbc-url nor data-source-properties given there slips past them.
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
        String url = dataSource.getJdbcUrl();
        if (SqliteSettings.isSqlite(url)) {
            SqliteFiles.prepare(url);
            SqliteSettings.applyTo(dataSource);
            // Connections are still made by the driver, with the settings above; Hikari pools them.
            dataSource.setDataSource(new StatementCache(
                    new DriverDataSource(
                            url,
                            dataSource.getDriverClassName(),
                            dataSource.getDataSourceProperties(),
                            dataSource.getUsername(),
                            dataSource.getPassword()),
                    STATEMENTS_PER_CONNECTION));
        }
        return dataSource;
    }

    @Bean
    StorageDialect storageDialect(DataSource dataSource) {
        return StorageDialect.of(dataSource);
    }
}
