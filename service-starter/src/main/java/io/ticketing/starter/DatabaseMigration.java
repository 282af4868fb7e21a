package io.ticketing.starter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import io.ticketing.guard.DevelopmentDefaults;
import io.ticketing.guard.DevelopmentDefaultsRefused;
import io.ticketing.guard.ProductionGuard;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code ticketing.migrate-only=true} the service migrates its database with Flyway and exits, before any of
 * its beans exists: no port, no consumer, no other connection. That is how a rollout migrates once, from an init
 * container under the database's migration role, while the service's pods run with {@code spring.flyway.enabled=false}
 * under a role that may only read and write rows (k8s/README.md, "Database migrations").
 *
 * <p>It reads the service's own settings ({@code spring.datasource.*}, {@code spring.flyway.locations}) and checks
 * only what it uses: outside the local profile, a published database password is refused. With
 * {@code ticketing.migration.grant-to} naming the service's runtime role, that role is given the use of every table
 * and sequence, and of those later migrations create (PostgreSQL's default privileges of the migration role).
 */
public final class DatabaseMigration implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String ENABLED = "ticketing.migrate-only";
    static final String GRANT_TO = "ticketing.migration.grant-to";
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Logger log = LoggerFactory.getLogger(DatabaseMigration.class);

    private final IntConsumer exit;

    public DatabaseMigration() {
        this(System::exit);
    }

    DatabaseMigration(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        if (!environment.matchesProfiles(ProductionGuard.LOCAL_PROFILE)) {
            DevelopmentDefaults
                    .secret(environment, "ticketing.postgres.password", ConnectionDefaults.PUBLISHED_PASSWORDS)
                    .ifPresent(refused -> {
                        throw new DevelopmentDefaultsRefused(List.of(refused));
                    });
        }
        migrate(environment);
        exit.accept(0);
    }

    static MigrateResult migrate(ConfigurableEnvironment environment) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String[] locations = environment.getRequiredProperty("spring.flyway.locations", String[].class);
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(url, environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"))
                .locations(locations)
                .load();
        MigrateResult result = flyway.migrate();
        log.info("Database {} migrated: {} migration(s) applied, now at version {}", result.database,
                result.migrationsExecuted, result.targetSchemaVersion == null ? result.initialSchemaVersion
                        : result.targetSchemaVersion);
        String runtimeRole = environment.getProperty(GRANT_TO, "").strip();
        if (!runtimeRole.isEmpty()) {
            grant(flyway, runtimeRole);
        }
        return result;
    }

    /** Rows only: the runtime role cannot create, alter or drop what the migrations own. */
    private static void grant(Flyway flyway, String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException(GRANT_TO + " is not a plain role name: " + role);
        }
        String grantee = '"' + role + '"';
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            String schema = connection.getSchema();
            String in = " IN SCHEMA \"" + schema + "\"";
            statement.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + grantee);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES" + in + " TO " + grantee);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES" + in + " TO " + grantee);
            statement.execute("ALTER DEFAULT PRIVILEGES" + in + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
                    + grantee);
            statement.execute("ALTER DEFAULT PRIVILEGES" + in + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "
                    + grantee);
            log.info("Role {} may read and write the rows of every table in schema {}", role, schema);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot grant the runtime role " + role + " its privileges", ex);
        }
    }

    /** After logging is set up, before the production guard, which would ask for secrets a migration never uses. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
