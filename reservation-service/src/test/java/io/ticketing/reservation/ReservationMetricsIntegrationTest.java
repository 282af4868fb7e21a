package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.reservation.hold.Holds;
import io.ticketing.reservation.hold.Sales;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.SseClient;

/**
 * The business meters of holds and seat maps, read from the service's meter registry after doing what they count.
 * This instance frees no hold by itself (its sweepers wait an hour, it ignores expiry notifications): instances of
 * other test classes sweep the same Redis, so only the expiries this test makes may move its counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.reservation.sweep-interval=PT1H", "ticketing.reservation.record-sweep-interval=PT1H",
        "ticketing.reservation.expiry-notifications=false", "ticketing.reservation.stream.heartbeat-interval=PT0.2S" })
class ReservationMetricsIntegrationTest extends ReservationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** booking-service for a rebuilt seat map: nothing of any show sold or blocked (404). */
    private static final HttpServer BOOKING = WaitingLineIntegrationTest.nothingSold();

    @DynamicPropertySource
    static void bookingService(DynamicPropertyRegistry registry) {
        registry.add("ticketing.reservation.booking-url", () -> "http://127.0.0.1:" + BOOKING.getAddress().getPort());
    }

    @AfterAll
    static void stopBooking() {
        BOOKING.stop(0);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    RedissonClient redis;

    @Autowired
    Holds holds;

    @Autowired
    Sales sales;

    @Test
    void countsAndTimesEachHoldRequestByOutcome() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 2, 10);
        var ana = customer(UUID.randomUUID()).withHeader("Idempotency-Key", "metrics-1");
        var ben = customer(UUID.randomUUID());
        double taken = holds("taken", "none");
        double replayed = holds("replayed", "none");
        double seatsHeld = holds("refused", "SEATS_HELD");
        double tooMany = holds("refused", "TOO_MANY_SEATS");
        long takenTimes = duration("taken").count();
        long replayedTimes = duration("replayed").count();
        long refusedTimes = duration("refused").count();

        var held = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        var again = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        var overlapping = ben.post(holds(show), Map.of("seatIds", List.of("A2", "A3")));
        var eleven = ben.post(holds(show), Map.of("seatIds", List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8",
                "B9", "B10", "A10")));

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(again.text("holdId")).as("the same hold again").isEqualTo(held.text("holdId"));
        assertThat(overlapping.text("code")).isEqualTo("SEATS_HELD");
        assertThat(eleven.text("code")).isEqualTo("TOO_MANY_SEATS");
        assertThat(holds("taken", "none") - taken).as("taken").isEqualTo(1);
        assertThat(holds("replayed", "none") - replayed).as("replayed, not taken twice").isEqualTo(1);
        assertThat(holds("refused", "SEATS_HELD") - seatsHeld).as("refused SEATS_HELD").isEqualTo(1);
        assertThat(holds("refused", "TOO_MANY_SEATS") - tooMany).as("refused TOO_MANY_SEATS").isEqualTo(1);
        assertThat(duration("taken").count() - takenTimes).isEqualTo(1);
        assertThat(duration("replayed").count() - replayedTimes).isEqualTo(1);
        assertThat(duration("refused").count() - refusedTimes).isEqualTo(2);
        assertThat(duration("taken").totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(Arrays.stream(duration("taken").takeSnapshot().histogramCounts())
                .map(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))).as("the histogram has the SLO buckets")
                .contains(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0);
    }

    @Test
    void gaugesTheSeatsOfAShowWhoseSeatsChangedLast() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 2, 10);
        var held = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(showSeats(show, "taken")).isEqualTo(3);
            assertThat(showSeats(show, "available")).isEqualTo(17);
        });
    }

    @Test
    void countsEachEndOfAHoldOnceWhereItIsRecorded() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 8);
        UUID anaId = UUID.randomUUID();
        var ana = customer(anaId);
        double released = ended("released");
        double expired = ended("expired");
        double confirmed = ended("confirmed");
        double refunded = ended("refunded");

        String releasedHold = hold(ana, show, "A1");
        assertThat(ana.delete("/api/v1/holds/" + releasedHold).status()).isEqualTo(204);
        assertThat(ana.delete("/api/v1/holds/" + releasedHold).status()).as("released already").isEqualTo(204);

        UUID expiredHold = UUID.fromString(hold(ana, show, "A2"));
        for (int i = 0; i < 2; i++) {
            ReflectionTestUtils.invokeMethod(holds, "expire", show.showId(), expiredHold);
        }

        UUID confirmedHold = UUID.fromString(hold(ana, show, "A3"));
        var booking = new BookingConfirmed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), confirmedHold, "pi_1",
                show.showId(), anaId, List.of("A3"), new BigDecimal("16.00"), "EUR", null);
        sales.sold(booking);
        sales.sold(booking); // redelivered

        UUID refundedHold = UUID.fromString(hold(ana, show, "A4"));
        var refund = new PaymentRefunded(UUID.randomUUID(), Instant.now(), "pi_2", refundedHold, null, show.showId(),
                anaId, new BigDecimal("16.00"), "EUR", "SEATS_TAKEN", null);
        holds.refunded(refund);
        holds.refunded(refund);

        assertThat(status(expiredHold)).isEqualTo("EXPIRED");
        assertThat(status(confirmedHold)).isEqualTo("CONFIRMED");
        assertThat(status(refundedHold)).isEqualTo("REFUNDED");
        assertThat(ended("released") - released).as("released").isEqualTo(1);
        assertThat(ended("expired") - expired).as("expired").isEqualTo(1);
        assertThat(ended("confirmed") - confirmed).as("confirmed").isEqualTo(1);
        assertThat(ended("refunded") - refunded).as("refunded").isEqualTo(1);
    }

    @Test
    void gaugesTheSeatStreamsOpenOnThisInstance() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 2);
        assertThat(openStreams()).isZero();

        try (var first = SseClient.connect(stream(show)); var second = SseClient.connect(stream(show))) {
            assertThat(first.next(WAIT).name()).isEqualTo("snapshot");
            assertThat(second.next(WAIT).name()).isEqualTo("snapshot");
            assertThat(openStreams()).isEqualTo(2);
            second.close();
            await().atMost(WAIT).until(() -> openStreams() == 1);
        }
        await().atMost(WAIT).until(() -> openStreams() == 0);
    }

    @Test
    void countsASeatMapRebuiltAfterRedisLostIt() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        var ana = customer(UUID.randomUUID());
        hold(ana, show, "A1");
        double rebuilds = rebuilds();

        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");
        hold(ana, show, "A2");
        hold(ana, show, "A3");

        assertThat(rebuilds() - rebuilds).as("rebuilt once, by the first hold after the loss").isEqualTo(1);
    }

    private double holds(String outcome, String code) {
        return meters.get("ticketing.holds").tag("outcome", outcome).tag("code", code).counter().count();
    }

    private Timer duration(String outcome) {
        return meters.get("ticketing.hold.duration").tag("outcome", outcome).timer();
    }

    private double ended(String reason) {
        return meters.get("ticketing.holds.ended").tag("reason", reason).counter().count();
    }

    private double openStreams() {
        return meters.get("ticketing.streams.open").tag("stream", "seat-map").gauge().value();
    }

    private double showSeats(ShowScheduled show, String status) {
        var gauge = meters.find("ticketing.show.seats").tag("show", show.showId().toString()).tag("status", status).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double rebuilds() {
        return meters.get("ticketing.seat.map.rebuilds").counter().count();
    }

    private String status(UUID holdId) {
        return jdbc.sql("SELECT status FROM hold WHERE id = ?").param(holdId).query(String.class).single();
    }

    private static String hold(JsonApi customer, ShowScheduled show, String seat) {
        var held = customer.post(holds(show), Map.of("seatIds", List.of(seat)));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.text("holdId");
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private String stream(ShowScheduled show) {
        return "http://127.0.0.1:" + port + "/api/v1/shows/" + show.showId() + "/seats/stream";
    }

    private JsonApi customer(UUID customerId) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString());
    }
}
