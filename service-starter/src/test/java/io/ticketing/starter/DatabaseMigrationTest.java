package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ticketing.guard.DevelopmentDefaultsRefused;
import io.ticketing.localstack.infra.PostgresDatabases;
import io.ticketing.starter.deadletter.DeadLetter;
import io.ticketing.testsupport.StatusColumns;
import io.ticketing.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A rollout's migration run, on real PostgreSQL: migrate, grant the runtime role its rows, exit. */
class DatabaseMigrationTest {

    private static final String DATABASE = "starter_migration";
    private static final String RUNTIME_ROLE = "starter_runtime";
    private static final String RUNTIME_PASSWORD = "runtime-role-password";

    private final List<Integer> exits = new ArrayList<>();

    @Test
    void migratesGivesTheRuntimeRoleItsRowsAndExits() throws SQLException {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        postgres.createDatabase(DATABASE);
        try (Connection admin = PostgresDatabases.connect(postgres.host(), postgres.port(), postgres.username(),
                postgres.password(), DATABASE); Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE
                    + "') THEN CREATE ROLE " + RUNTIME_ROLE + " LOGIN PASSWORD '" + RUNTIME_PASSWORD + "'; END IF; "
                    + "END $$");
        }

        run(Map.of(DatabaseMigration.ENABLED, "true",
                "spring.datasource.url", postgres.jdbcUrl(DATABASE),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.flyway.locations", "classpath:db/platform",
                DatabaseMigration.GRANT_TO, RUNTIME_ROLE), "local");

        assertThat(exits).containsExactly(0);
        try (Connection runtime = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), RUNTIME_ROLE,
                RUNTIME_PASSWORD); Statement statement = runtime.createStatement()) {
            statement.execute("INSERT INTO processed_event (consumer, event_id, event_type) "
                    + "VALUES ('test', gen_random_uuid(), 'Test')");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM processed_event")) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
            }
            statement.execute("DELETE FROM processed_event WHERE consumer = 'test'");
            assertThatThrownBy(() -> statement.execute("DROP TABLE processed_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> statement.execute("ALTER TABLE dead_letter ADD COLUMN extra TEXT"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }
        StatusColumns.assertAcceptsExactly(JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(DATABASE),
                postgres.username(), postgres.password())), "dead_letter.status", DeadLetter.Status.class);
    }

    @Test
    void refusesAPublishedDatabasePasswordOutsideTheLocalProfile() {
        assertThatThrownBy(() -> run(Map.of(DatabaseMigration.ENABLED, "true",
                "ticketing.postgres.password", "postgres"), "production"))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("ticketing.postgres.password");
        assertThat(exits).isEmpty();
    }

    @Test
    void leavesAServiceThatIsNotAskedToMigrateAlone() {
        run(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nothing"), "production");
        assertThat(exits).isEmpty();
    }

    private void run(Map<String, Object> properties, String profile) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profile);
        new DatabaseMigration(exits::add).onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
    }
}
