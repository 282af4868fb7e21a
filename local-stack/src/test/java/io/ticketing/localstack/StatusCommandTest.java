package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void readsPrometheusTextWithEscapedLabels() {
        Scrape scrape = Scrape.parse("""
                # HELP ticketing_holds_total Hold requests
                # TYPE ticketing_holds_total counter
                ticketing_holds_total{application="reservation-service",code="none",outcome="taken"} 12.0
                ticketing_holds_total{application="reservation-service",code="SEATS_HELD",outcome="refused"} 3.0
                odd_label{text="a \\"quoted\\" word"} 1
                ticketing_outbox_backlog NaN
                """);

        assertThat(scrape.sum("ticketing_holds_total")).isEqualTo(15.0);
        assertThat(scrape.sumBy("ticketing_holds_total", "outcome", labels -> true))
                .containsEntry("taken", 12.0).containsEntry("refused", 3.0);
        assertThat(scrape.samples()).anySatisfy(sample -> assertThat(sample.labels()).containsEntry("text", "a \"quoted\" word"));
        assertThat(scrape.sum("ticketing_outbox_backlog")).as("NaN: a gauge whose query failed").isZero();
    }

    @Test
    void printsRatesBetweenTwoScrapesAndWhatDidNotAnswer() {
        var before = scrapes("""
                http_server_requests_seconds_count{status="201"} 100
                ticketing_holds_total{code="none",outcome="taken"} 10
                ticketing_holds_total{code="SEATS_HELD",outcome="refused"} 4
                ticketing_hold_duration_seconds_count{outcome="taken"} 14
                ticketing_hold_duration_seconds_sum{outcome="taken"} 0.14
                """);
        String afterText = """
                http_server_requests_seconds_count{status="201"} 120
                http_server_requests_seconds_count{status="503"} 2
                ticketing_holds_total{code="none",outcome="taken"} 30
                ticketing_holds_total{code="SEATS_HELD",outcome="refused"} 8
                ticketing_hold_duration_seconds_count{outcome="taken"} 38
                ticketing_hold_duration_seconds_sum{outcome="taken"} 0.38
                ticketing_outbox_backlog 7
                ticketing_outbox_oldest_age_seconds 3
                ticketing_show_seats{show="s-1",status="available"} 1500
                ticketing_show_seats{show="s-1",status="taken"} 500
                """;
        var after = scrapes(afterText);
        after.put(ServiceSpec.byName("booking-service"), Scrape.parse(afterText + """
                kafka_consumer_fetch_manager_records_lag{client_id="consumer-booking-service-1",topic="reservation.hold-events",partition="0"} 40
                kafka_consumer_fetch_manager_records_lag{client_id="consumer-booking-service-1",topic="reservation.hold-events",partition="1"} 2
                kafka_consumer_fetch_manager_records_lag{client_id="consumer-booking-service-1",topic="reservation_hold-events",partition="0"} 40
                """));
        after.put(ServiceSpec.byName("waiting-service"), Scrape.empty());

        var printed = new ByteArrayOutputStream();
        new StatusCommand(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8)).print(before, after, 2.0);
        String status = printed.toString(StandardCharsets.UTF_8);

        assertThat(status).containsPattern("reservation-service +yes +11\\.0 +1\\.0 +7 +3 s +0")
                .containsPattern("waiting-service +no")
                .contains("taken 10.0/s  refused 2.0/s (SEATS_HELD 2.0)  failed 0.0/s  mean 10.0 ms")
                .contains("s-1 1,500 available, 500 taken")
                .as("the deprecated copy of a topic's lag is not counted").contains("Kafka lag     booking-service 42");
    }

    @Test
    void addsUpTheInstancesOfAServiceAndShowsEachOnItsOwn() {
        ServiceSpec reservation = ServiceSpec.byName("reservation-service");
        var before = scrapes("ticketing_holds_total{code=\"none\",outcome=\"taken\"} 10\n");
        before.put(reservation.instance(2), Scrape.parse("ticketing_holds_total{code=\"none\",outcome=\"taken\"} 5\n"));
        String show = "ticketing_show_seats{show=\"s-1\",status=\"available\"} 900\n";
        var after = scrapes("ticketing_holds_total{code=\"none\",outcome=\"taken\"} 20\nticketing_streams_open 3\n"
                + show);
        after.put(reservation.instance(2), Scrape.parse("ticketing_holds_total{code=\"none\",outcome=\"taken\"} 11\n"
                + "ticketing_streams_open 4\n" + show));
        after.put(ServiceSpec.GATEWAY.instance(2),
                Scrape.parse("http_server_requests_seconds_count{status=\"200\"} 1\n"));

        var printed = new ByteArrayOutputStream();
        new StatusCommand(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8)).print(before, after, 2.0);
        String status = printed.toString(StandardCharsets.UTF_8);

        assertThat(status).containsPattern("reservation-service +yes").containsPattern("reservation-service-2 +yes")
                .as("a gateway has no outbox").containsPattern("gateway-service-2 +yes +[0-9.]+ +[0-9.]+ +- +- +-")
                .as("(10 + 6) / 2 s").contains("taken 8.0/s")
                .contains("seat maps 7")
                .as("the same show's seats, told by both instances, once").contains("s-1 900 available");
    }

    @Test
    void readsWhatARunningStackRecordedOfItsInstances() throws Exception {
        var run = Files.createTempDirectory("run");
        var registry = new RunRegistry(run, "no launcher");
        assertThat(registry.replicas()).isEqualTo(Replicas.ONE);

        registry.recordReplicas(Replicas.parse("2,catalog=1"));

        assertThat(registry.replicas().of(ServiceSpec.byName("booking-service"))).hasSize(2);
        assertThat(registry.replicas().of(ServiceSpec.CATALOG)).hasSize(1);
        registry.release();
        assertThat(registry.replicas()).isEqualTo(Replicas.ONE);
    }

    /** Every service answering the same text (the figures are read per service by name). */
    private static Map<ServiceSpec, Scrape> scrapes(String text) {
        Map<ServiceSpec, Scrape> scrapes = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(service -> scrapes.put(service, Scrape.parse(text)));
        return scrapes;
    }
}
