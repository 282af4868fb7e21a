package io.ticketing.catalog.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills an empty catalog with the {@link DemoCatalog}. Several instances may start at once: a PostgreSQL
 * advisory lock lets one of them seed while the others wait, and then find cities and leave the catalog
 * alone. A catalog with any city, demo or not, is never touched.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Any constant works, as long as nothing else in the catalog database uses it. */
    static final long LOCK = 0x7469_636b_6465_6d6fL;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final CatalogLoader loader;
    private final DemoDataProperties properties;
    private final Clock clock;

    DemoData(DataSource dataSource, JdbcClient jdbc, CatalogLoader loader, DemoDataProperties properties,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.loader = loader;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return what was loaded, or empty when the catalog already had a city */
    public Optional<LoadReport> seedIfEmpty() throws SQLException {
        // a session lock on a connection of its own: the load commits many transactions on others
        try (Connection lockConnection = dataSource.getConnection()) {
            advisoryLock(lockConnection, "pg_advisory_lock");
            try {
                if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM city)").query(Boolean.class).single()) {
                    log.info("The catalog has cities: no demo data loaded");
                    return Optional.empty();
                }
                log.info("The catalog is empty: loading the demo catalog ({} days, {} shows per hall and day)",
                        properties.days(), properties.showsPerDay());
                return Optional.of(loader.load(DemoCatalog.build(clock.instant(), properties.days(),
                        properties.showsPerDay())));
            }
            finally {
                // the connection goes back to the pool: it must not keep the lock
                advisoryLock(lockConnection, "pg_advisory_unlock");
            }
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, LOCK);
            statement.execute();
        }
    }
}
