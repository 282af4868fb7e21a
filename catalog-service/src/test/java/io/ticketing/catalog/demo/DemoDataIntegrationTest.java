package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * Two catalog instances start on an empty database at the same moment: one seeds the demo catalog, the
 * other waits for it and leaves the catalog alone. (A short demo: 2 days of 1 show per hall.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "ticketing.catalog.demo-data.days=2", "ticketing.catalog.demo-data.shows-per-day=1" })
class DemoDataIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog_demo_seed", Component.POSTGRES, Component.KAFKA);
    }

    @Autowired
    DemoData demoData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAnEmptyCatalogOnceWhenTwoInstancesStartTogether() throws Exception {
        assertThat(count("city")).isZero();
        var start = new CountDownLatch(1);
        Callable<Optional<LoadReport>> instance = () -> {
            start.await();
            return demoData.seedIfEmpty();
        };

        List<Optional<LoadReport>> outcomes;
        try (var executor = Executors.newFixedThreadPool(2)) {
            List<Future<Optional<LoadReport>>> futures = List.of(executor.submit(instance), executor.submit(instance));
            start.countDown();
            outcomes = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
        LoadReport report = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(report.rejected()).isZero();
        assertThat(count("city")).isEqualTo(12);
        assertThat(count("cinema")).isEqualTo(40);
        assertThat(count("hall")).isEqualTo(report.halls().created()).isBetween(80, 160);
        assertThat(count("movie")).isEqualTo(30);
        assertThat(count("show")).isEqualTo(report.shows().created()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM hall WHERE seat_count = 2000").query(Integer.class).single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Integer.class).single() == 0);

        assertThat(demoData.seedIfEmpty()).isEmpty();
        assertThat(count("show")).isEqualTo(report.shows().created());
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }
}
