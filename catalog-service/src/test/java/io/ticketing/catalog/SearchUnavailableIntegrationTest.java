package io.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.catalog.search.SearchUnavailableException;
import io.ticketing.catalog.search.ShowIndexer;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * A catalog whose Elasticsearch is away (nothing listens where it is looked for): searches are refused as unavailable
 * and timed as such, the index falls behind by the age of the changes it could not write, and the catalog stays ready
 * and browsable with search shown DEGRADED in its health. A catalog of its own (database, no Kafka listeners), so that
 * the other tests' index and consumers are left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchUnavailableIntegrationTest {

    private ConfigurableApplicationContext catalog;
    private MeterRegistry meters;
    private JsonApi api;

    @BeforeAll
    void startACatalogWithoutElasticsearch() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--ticketing.elasticsearch.uris=http://127.0.0.1:" + Ports.freePort(),
                "--ticketing.catalog.demo-data.enabled=false", "--spring.kafka.listener.auto-startup=false"));
        TestInfrastructure.register((name, value) -> args.add("--" + name + "=" + value.get()), "catalog_no_search",
                Component.POSTGRES, Component.KAFKA);
        catalog = new SpringApplicationBuilder(CatalogApplication.class).run(args.toArray(String[]::new));
        meters = catalog.getBean(MeterRegistry.class);
        api = JsonApi.asGateway("http://127.0.0.1:" + catalog.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void aSearchElasticsearchCannotAnswerIsRefusedAndTimedAsUnavailable() {
        var refused = api.get("/api/v1/search?keyword=inception");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("code")).isEqualTo("SEARCH_UNAVAILABLE");
        assertThat(meters.get("ticketing.search.duration").tag("outcome", "unavailable").timer().count()).isEqualTo(1);
        assertThat(meters.get("ticketing.search.duration").tag("outcome", "ok").timer().count()).isZero();
    }

    @Test
    void staysReadyWithSearchShownDegradedAndBrowsingAnswering() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            var health = api.get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.text("status")).as(path).isEqualTo("DEGRADED");
            assertThat(health.json().at("/components/elasticsearch/status").asString()).as(path).isEqualTo("DEGRADED");
        }
        assertThat(api.get("/actuator/health/readiness").json().at("/components/readinessState/status").asString())
                .isEqualTo("UP");

        String city = CatalogMother.city(api);
        var movies = api.get("/api/v1/cities/" + city + "/movies");
        assertThat(movies.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cities").json().valueStream().map(each -> each.path("id").asString()))
                .contains(city);
    }

    @Test
    void theIndexIsBehindByTheAgeOfTheOldestChangeItCouldNotWriteUntilItWritesIt() {
        ShowIndexer indexer = catalog.getBean(ShowIndexer.class);
        assertThat(lag()).isZero();

        assertThatThrownBy(() -> indexer.sync(List.of(UUID.randomUUID()), Instant.now().minusSeconds(3600)))
                .isInstanceOf(SearchUnavailableException.class);
        assertThat(lag()).as("an hour-old change, still not written").isBetween(3600.0, 3700.0);
        assertThatThrownBy(() -> indexer.sync(List.of(UUID.randomUUID()), Instant.now().minusSeconds(60)))
                .as("the retry, with a newer change in its batch").isInstanceOf(SearchUnavailableException.class);
        assertThat(lag()).as("still the oldest").isBetween(3600.0, 3700.0);

        indexer.sync(List.of(), Instant.now());
        assertThat(lag()).as("written at last").isZero();
    }

    private double lag() {
        return meters.get("ticketing.search.index.lag").gauge().value();
    }
}
