package io.ticketing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import io.ticketing.guard.DevelopmentDefaultsRefused;

/**
 * What every back-end service must do from its first start on real infrastructure: run its migrations
 * (including the outbox and inbox tables), report ready, and answer unknown paths and bad ids with
 * problem+json. A service's test extends this with its {@code @SpringBootTest} and infrastructure.
 */
public abstract class ServiceSmokeTests {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private ApplicationContext context;

    /**
     * The service's status columns ({@code table.column}, a column named {@code status} or ending in {@code _state})
     * and the type of each, the platform's own tables left out ({@link StatusColumns}).
     */
    protected abstract Map<String, Class<? extends Enum<?>>> statusColumns();

    /** The service as the gateway calls it: every request signed. */
    protected JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    @Test
    void refusesEveryCallThatTheGatewayDidNotSign() {
        var straight = new JsonApi("http://127.0.0.1:" + port)
                .withHeader("X-Customer-Id", UUID.randomUUID().toString());
        for (String path : new String[] { "/api/v1/no-such-thing", "/internal/v1/dead-letters" }) {
            var refused = straight.get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("CALLER_UNVERIFIED");
        }
        assertThat(straight.get("/actuator/health/readiness").status()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void reportsLiveAndReady() {
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
        var readiness = api().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }

    @Test
    void hasTheOutboxAndInboxTables() {
        for (String table : new String[] { "event_publication", "processed_event", "flyway_schema_history" }) {
            assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = ?").param(table)
                    .query(Integer.class).single()).as(table).isEqualTo(1);
        }
    }

    /**
     * Every status column has a type, and the database accepts exactly that type's values: a value added to one and not
     * the other fails here, not in production when the first row with it is read back.
     */
    @Test
    void acceptsInEveryStatusColumnExactlyTheValuesOfItsType() {
        assertThat(statusColumns().keySet()).as("status columns with a type")
                .containsExactlyInAnyOrderElementsOf(StatusColumns.of(jdbc));
        statusColumns().forEach((column, type) -> StatusColumns.assertAcceptsExactly(jdbc, column, type));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        var response = api().get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void publishesItsApiExactlyAsSnapshotted() {
        var docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        OpenApiSnapshot.verify(docs.json(), Path.of("src/test/resources/openapi.json"));
    }

    @Test
    void tagsEveryResponseWithARequestId() {
        assertThat(api().withHeader("X-Request-Id", "smoke-1").get("/actuator/health").headers()
                .firstValue("X-Request-Id")).hasValue("smoke-1");
    }

    @Test
    void refusesToStartOutsideTheLocalProfileWithTheLocalDatabasePassword() {
        Class<?> application = context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
                .map(ClassUtils::getUserClass).findFirst().orElseThrow();
        assertThatThrownBy(() -> new SpringApplicationBuilder(application).run("--spring.profiles.active=production",
                "--ticketing.postgres.password=postgres"))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("ticketing.postgres.password is a development value published in this repository")
                .hasMessageContaining("ticketing.internal.secret is a development value published in this repository");
    }
}
