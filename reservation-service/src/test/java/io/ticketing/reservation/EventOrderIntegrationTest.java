package io.ticketing.reservation;

import static io.ticketing.reservation.ShowSeats.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.reservation.HoldReleased;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;

/**
 * Events that can reach reservation-service in either order (an outbox resend after a later event, two topics)
 * end in the same state whatever the order: each pair is played both ways through Kafka, one event applied before
 * the next is sent, and the seats in Redis, the show's counters, the customers' counts and the hold's record are
 * compared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventOrderIntegrationTest extends ReservationIntegrationTest {

    private static final EventRecorder HOLD_EVENTS = EventRecorder.of(Topics.RESERVATION_HOLD_EVENTS);
    private static final List<String> PAID = List.of("A1", "A2");

    private final EventProducer events = EventProducer.shared();

    @AfterAll
    static void stopRecording() {
        HOLD_EVENTS.close();
    }

    @Autowired
    RedissonClient redis;

    /** A show's state after a scenario, with customers and holds named by their part in it. */
    record Outcome(Map<String, String> seats, Map<String, String> counts, Map<String, String> customers,
            String holdStatus, boolean holdNamesTheBooking) {
    }

    @Test
    void aBookingCancelledBeforeItsResentConfirmationEndsAsIfInOrder() {
        Outcome inOrder = cancelledBooking(false);
        Outcome cancellationFirst = cancelledBooking(true);

        assertThat(inOrder.seats()).containsOnly(Map.entry("A1", "AVAILABLE"), Map.entry("A2", "AVAILABLE"),
                Map.entry("A3", "AVAILABLE"), Map.entry("A4", "AVAILABLE"));
        assertThat(inOrder.counts()).containsEntry("available", "4").containsEntry("held", "0");
        assertThat(inOrder.customers()).isEmpty();
        assertThat(inOrder.holdStatus()).isEqualTo("CONFIRMED");
        assertThat(inOrder.holdNamesTheBooking()).isTrue();
        assertThat(cancellationFirst).isEqualTo(inOrder);
    }

    @Test
    void aRefundOfASecondPaymentBeforeTheHoldsConfirmationFreesNothing() {
        Outcome inOrder = refundedSecondPayment(false);
        Outcome refundFirst = refundedSecondPayment(true);

        assertThat(inOrder.seats()).containsOnly(Map.entry("A1", "SOLD"), Map.entry("A2", "SOLD"),
                Map.entry("A3", "AVAILABLE"), Map.entry("A4", "AVAILABLE"));
        assertThat(inOrder.counts()).containsEntry("available", "2").containsEntry("held", "0");
        assertThat(inOrder.customers()).containsOnly(Map.entry("ana", "2"));
        assertThat(inOrder.holdStatus()).isEqualTo("CONFIRMED");
        assertThat(inOrder.holdNamesTheBooking()).isTrue();
        assertThat(refundFirst).isEqualTo(inOrder);
    }

    @Test
    void aFailedPaymentBeforeOrAfterTheHoldsConfirmationLeavesItSold() {
        Outcome inOrder = failedFirstPayment(false);
        Outcome confirmationFirst = failedFirstPayment(true);

        assertThat(inOrder.seats()).containsOnly(Map.entry("A1", "SOLD"), Map.entry("A2", "SOLD"),
                Map.entry("A3", "AVAILABLE"), Map.entry("A4", "AVAILABLE"));
        assertThat(inOrder.customers()).containsOnly(Map.entry("ana", "2"));
        assertThat(inOrder.holdStatus()).isEqualTo("CONFIRMED");
        assertThat(confirmationFirst).isEqualTo(inOrder);
    }

    /** Ana's paid hold became a booking she cancelled; the cancellation may arrive before a resent confirmation. */
    private Outcome cancelledBooking(boolean cancellationFirst) {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        UUID ana = UUID.randomUUID();
        UUID holdId = hold(show, ana);
        UUID bookingId = UUID.randomUUID();
        var confirmed = confirmed(show, bookingId, holdId, ana);
        var cancelled = new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, holdId, "pi_1",
                show.showId(), ana, PAID, new BigDecimal("32.00"), "EUR", null);

        apply(cancellationFirst ? cancelled : confirmed);
        apply(cancellationFirst ? confirmed : cancelled);

        return outcome(show, Map.of(ana, "ana"), holdId, bookingId);
    }

    /**
     * Ana paid her hold twice: the first payment became the booking, booking-service refused the second
     * ({@code ALREADY_PAID}) and it was refunded. The refund (payment topic) may arrive before the confirmation
     * (booking topic); meanwhile Ben asks for one of her seats.
     */
    private Outcome refundedSecondPayment(boolean refundFirst) {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID holdId = hold(show, ana);
        assertThat(api().post("/internal/v1/holds/" + holdId + "/payment-pending", "").status()).isEqualTo(200);
        UUID bookingId = UUID.randomUUID();
        var confirmed = confirmed(show, bookingId, holdId, ana);
        var refunded = new PaymentRefunded(UUID.randomUUID(), Instant.now(), "pay-2", holdId, null, show.showId(),
                ana, new BigDecimal("32.00"), "EUR", "ALREADY_PAID", null);

        apply(refundFirst ? refunded : confirmed);
        var bens = customer(ben).post(holds(show), Map.of("seatIds", List.of("A1")));
        assertThat(bens.status()).as(bens.body()).isEqualTo(409);
        apply(refundFirst ? confirmed : refunded);

        assertThat(HOLD_EVENTS.events(HoldReleased.class, released -> released.holdId().equals(holdId)))
                .as("nobody is told the paid seats are free").isEmpty();
        return outcome(show, Map.of(ana, "ana", ben, "ben"), holdId, bookingId);
    }

    /** Ana's first payment failed, her second became the booking; the failure may arrive after the confirmation. */
    private Outcome failedFirstPayment(boolean confirmationFirst) {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        UUID ana = UUID.randomUUID();
        UUID holdId = hold(show, ana);
        assertThat(api().post("/internal/v1/holds/" + holdId + "/payment-pending", "").status()).isEqualTo(200);
        UUID bookingId = UUID.randomUUID();
        var confirmed = confirmed(show, bookingId, holdId, ana);
        var failed = new PaymentFailed(UUID.randomUUID(), Instant.now(), "pay-1", holdId, show.showId(), ana,
                "card_declined", null);

        apply(confirmationFirst ? confirmed : failed);
        apply(confirmationFirst ? failed : confirmed);

        return outcome(show, Map.of(ana, "ana"), holdId, bookingId);
    }

    private UUID hold(ShowScheduled show, UUID customerId) {
        var hold = customer(customerId).post(holds(show), Map.of("seatIds", PAID));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return UUID.fromString(hold.text("holdId"));
    }

    /** Sends the event and waits until this service has applied it (its inbox row). */
    private void apply(IntegrationEvent event) {
        events.send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE event_id = ?").param(event.eventId())
                .query(Integer.class).single() == 1);
    }

    private Outcome outcome(ShowScheduled show, Map<UUID, String> parts, UUID holdId, UUID bookingId) {
        SeatKeys keys = SeatKeys.of(show.showId());
        Map<String, String> seats = new TreeMap<>();
        redis.<String, String>getMap(keys.seats(), StringCodec.INSTANCE).readAllMap()
                .forEach((seat, status) -> seats.put(seat, status.startsWith("HELD:") ? "HELD" : status));
        Map<String, String> counts = new TreeMap<>(counts(redis, show));
        counts.remove("seq");
        Map<String, String> customers = new TreeMap<>();
        redis.<String, String>getMap(keys.customers(), StringCodec.INSTANCE).readAllMap()
                .forEach((customer, count) -> customers.put(parts.get(UUID.fromString(customer)), count));
        var record = jdbc.sql("SELECT status, booking_id FROM hold WHERE id = ?").param(holdId)
                .query((rs, n) -> Map.entry(rs.getString("status"), bookingId.equals(rs.getObject("booking_id"))))
                .single();
        return new Outcome(seats, counts, customers, record.getKey(), record.getValue());
    }

    private static BookingConfirmed confirmed(ShowScheduled show, UUID bookingId, UUID holdId, UUID customerId) {
        return new BookingConfirmed(UUID.randomUUID(), Instant.now(), bookingId, holdId, "pay-1", show.showId(),
                customerId, PAID, new BigDecimal("32.00"), "EUR", null);
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    private JsonApi customer(UUID customerId) {
        return api().withHeader("X-Customer-Id", customerId.toString());
    }
}
