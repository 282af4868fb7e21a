package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.events.Topics;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * A small generated catalog goes in through the management services: every row is written, every show's
 * {@code ShowScheduled} leaves the outbox for Kafka, and loading it again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CatalogLoaderIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog_demo", Component.POSTGRES, Component.KAFKA);
    }

    @Autowired
    CatalogLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsAGeneratedCatalogAndPublishesEveryShow() {
        CatalogDescription catalog = generated(11);

        LoadReport report = loader.load(catalog);

        assertThat(report.cities().created()).isEqualTo(2);
        assertThat(report.cinemas().created()).isEqualTo(4);
        assertThat(report.halls().created()).isEqualTo(4);
        assertThat(report.shows().created()).isEqualTo(16);
        assertThat(report.rejected()).isZero();
        assertThat(rows("city", catalog.cities(), City::id)).isEqualTo(2);
        assertThat(rows("cinema", catalog.cinemas(), Cinema::id)).isEqualTo(4);
        assertThat(rows("hall", catalog.halls(), Hall::id)).isEqualTo(4);
        assertThat(rows("movie", catalog.movies(), Movie::id)).isEqualTo(30);
        assertThat(rows("show", catalog.shows(), Show.Draft::id)).isEqualTo(16);
        int seatTypes = catalog.halls().getFirst().layout().seatTypes().size();
        assertThat(jdbc.sql("SELECT count(*) FROM show_price WHERE show_id IN (:ids)")
                .param("ids", ids(catalog.shows(), Show.Draft::id)).query(Integer.class).single())
                .isEqualTo(16 * seatTypes);
        await().atMost(Duration.ofSeconds(30)).until(() -> incompletePublications() == 0);
        assertThat(showEventKeys()).containsAll(ids(catalog.shows(), show -> show.id().toString()));
    }

    @Test
    void addsNothingWhenTheSameCatalogIsLoadedAgain() {
        CatalogDescription catalog = generated(12);
        loader.load(catalog);
        await().atMost(Duration.ofSeconds(30)).until(() -> incompletePublications() == 0);
        int shows = count("show");
        int publications = count("event_publication");

        LoadReport again = loader.load(catalog);

        assertThat(again.cities()).isEqualTo(new LoadReport.Tally(0, 2, 0));
        assertThat(again.cinemas()).isEqualTo(new LoadReport.Tally(0, 4, 0));
        assertThat(again.halls()).isEqualTo(new LoadReport.Tally(0, 4, 0));
        assertThat(again.movies()).isEqualTo(new LoadReport.Tally(0, 30, 0));
        assertThat(again.shows()).isEqualTo(new LoadReport.Tally(0, 16, 0));
        assertThat(count("show")).isEqualTo(shows);
        assertThat(count("event_publication")).isEqualTo(publications);
    }

    @Test
    void skipsShowsThatHaveStartedAndRejectsOnlyTheShowThatBreaksARule() {
        CatalogDescription generated = generated(13);
        Show.Draft first = generated.shows().getFirst();
        var started = new Show.Draft(UUID.randomUUID(), first.movieId(), first.hallId(), Instant.now().minusSeconds(60),
                null, null, first.prices());
        var overlapping = new Show.Draft(UUID.randomUUID(), first.movieId(), first.hallId(),
                first.startsAt().plusSeconds(600), null, null, first.prices());
        var catalog = new CatalogDescription(generated.cities(), generated.cinemas(), generated.halls(),
                generated.movies(), concat(generated.shows(), started, overlapping));

        LoadReport report = loader.load(catalog);

        assertThat(report.showsInPast()).isEqualTo(1);
        assertThat(report.shows()).isEqualTo(new LoadReport.Tally(16, 0, 1));
        assertThat(rows("show", List.of(started, overlapping), Show.Draft::id)).isZero();
        assertThat(rows("show", generated.shows(), Show.Draft::id)).isEqualTo(16);
    }

    /** 2 cities x 2 cinemas x 1 hall of 20 seats x 2 shows a day x 2 days = 16 shows. */
    private static CatalogDescription generated(long seed) {
        return CatalogGenerator.generate(new CatalogGenerator.Settings(2, 2, 1, 20, 2, 2, seed), Instant.now());
    }

    private <T> int rows(String table, List<T> items, Function<T, UUID> id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id IN (:ids)").param("ids", ids(items, id))
                .query(Integer.class).single();
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private int incompletePublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Integer.class)
                .single();
    }

    private static <T, R> List<R> ids(List<T> items, Function<T, R> id) {
        return items.stream().map(id).toList();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> list, T... more) {
        var all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<String> showEventKeys() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-demo-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> keys = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_SHOW_EVENTS));
            Instant deadline = Instant.now().plusSeconds(15);
            int emptyPolls = 0;
            while (Instant.now().isBefore(deadline) && (keys.isEmpty() || emptyPolls < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
