package io.ticketing.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.booking.sale.Bookings;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsHeld;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.Consumption;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;
import io.ticketing.testsupport.events.ShowScheduledMother;
import io.ticketing.testsupport.Meters;

/**
 * Sales on real PostgreSQL and Kafka: payments become bookings only for free seats, never one seat sold twice
 * however many payments race, lapsed holds lose to newer ones, duplicates have one effect, cancellations free
 * the seats, and customers see only their own bookings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingsIntegrationTest {

    private static final AtomicLong TOKENS = new AtomicLong(1_000);

    private static final EventRecorder PUBLISHED = EventRecorder.of(Topics.BOOKING_BOOKING_EVENTS);

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "booking", Component.POSTGRES, Component.KAFKA);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bookings bookings;

    @Autowired
    Inventory inventory;

    @Test
    void confirmsAPaidHoldAsABookingTheCustomerAloneCanRead() {
        ShowScheduled show = stocked(ShowScheduledMother.show(2, 5));
        UUID ana = UUID.randomUUID();
        PaymentSucceeded payment = paid(show, ana, List.of("A1", "A2"), TOKENS.incrementAndGet());

        events.send(payment);
        UUID bookingId = awaitBooking(payment);

        var booking = customer(ana).get("/api/v1/bookings/" + bookingId);
        assertThat(booking.status()).as(booking.body()).isEqualTo(200);
        assertThat(booking.text("status")).isEqualTo("CONFIRMED");
        assertThat(booking.text("showId")).isEqualTo(show.showId().toString());
        assertThat(booking.json().path("seatIds").toString()).isEqualTo("[\"A1\",\"A2\"]");
        assertThat(booking.json().path("amount").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(booking.json().path("tickets").isArray()).isTrue();
        assertThat(booking.json().has("customerId")).isFalse();
        assertThat(customer(ana).get("/api/v1/bookings").json().get(0).path("bookingId").asString())
                .isEqualTo(bookingId.toString());
        assertThat(customer(UUID.randomUUID()).get("/api/v1/bookings/" + bookingId).status()).isEqualTo(404);
        assertThat(customer(UUID.randomUUID()).get("/api/v1/bookings").json().size()).isZero();
        assertThat(status(show, "A1")).isEqualTo("SOLD");
        assertThat(status(show, "A3")).isEqualTo("AVAILABLE");
        await().atMost(Duration.ofSeconds(30)).until(() -> PUBLISHED.events(BookingConfirmed.class,
                event -> event.bookingId().equals(bookingId) && event.seatIds().equals(List.of("A1", "A2"))
                        && "buyer@example.com".equals(event.customerEmail())).size() == 1);

        // notification-service issues the e-tickets: shown with the booking, once however often they arrive
        var issued = new TicketsIssued(UUID.randomUUID(), Instant.now(), bookingId, show.showId(), ana, List.of(
                new TicketsIssued.Ticket(UUID.randomUUID(), "A1", "TKT1.a1.sig"),
                new TicketsIssued.Ticket(UUID.randomUUID(), "A2", "TKT1.a2.sig")));
        events.send(issued);
        events.send(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> customer(ana).get("/api/v1/bookings/" + bookingId).json()
                .path("tickets").size() == 2);
        var ticket = customer(ana).get("/api/v1/bookings/" + bookingId).json().path("tickets").get(0);
        assertThat(ticket.path("seatId").asString()).isEqualTo("A1");
        assertThat(ticket.path("qrCode").asString()).isEqualTo("TKT1.a1.sig");
    }

    @Test
    void neverSellsASeatTwiceWhenHundredsOfPaymentsRace() throws Exception {
        ShowScheduled show = stocked(ShowScheduledMother.show(5, 10));
        List<String> seats = show.rows().stream().flatMap(row -> row.seats().stream()).map(ShowScheduled.Seat::seatId)
                .toList();
        Random random = new Random(42);
        List<PaymentSucceeded> payments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int start = random.nextInt(seats.size() - 4);
            payments.add(paid(show, UUID.randomUUID(), seats.subList(start, start + 1 + random.nextInt(4)),
                    TOKENS.incrementAndGet()));
        }
        double confirmedBefore = decisions("confirmed", "none");
        double takenBefore = decisions("rejected", "SEATS_TAKEN");
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<?>> done = new ArrayList<>();
            for (PaymentSucceeded payment : payments) {
                done.add(pool.submit(() -> {
                    go.await();
                    bookings.transactions().executeWithoutResult(tx -> bookings.confirm(payment));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        List<String> sold = jdbc.sql("""
                SELECT seat_id FROM booked_seat WHERE show_id = ? AND active""").param(show.showId())
                .query(String.class).list();
        assertThat(new HashSet<>(sold)).hasSameSizeAs(sold);
        assertThat(count("SELECT count(*) FROM show_seat WHERE show_id = ? AND status = 'SOLD'", show.showId()))
                .isEqualTo(sold.size());
        int confirmed = count("SELECT count(*) FROM booking WHERE show_id = ?", show.showId());
        int rejected = count("SELECT count(*) FROM rejected_payment WHERE show_id = ?", show.showId());
        assertThat(confirmed + rejected).isEqualTo(payments.size());
        assertThat(confirmed).isGreaterThan(10);
        // each decision counted once, however many serialization conflicts it was retried through
        assertThat(decisions("confirmed", "none") - confirmedBefore).isEqualTo(confirmed);
        assertThat(decisions("rejected", "SEATS_TAKEN") - takenBefore).isEqualTo(rejected);
        assertThat(count("""
                SELECT count(*) FROM booking b JOIN booked_seat s ON s.booking_id = b.id
                WHERE b.show_id = ? AND s.seat_id <> ALL(b.seat_ids)""", show.showId())).isZero();
    }

    @Test
    void theDatabaseRefusesASecondSaleOfASeatEvenWithoutTheCodeAboveIt() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 4));
        PaymentSucceeded payment = paid(show, UUID.randomUUID(), List.of("A1"), TOKENS.incrementAndGet());
        bookings.transactions().executeWithoutResult(tx -> bookings.confirm(payment));
        UUID other = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO booking (id, show_id, hold_id, payment_id, customer_id, seat_ids, fencing_token, amount,
                                     currency, status, confirmed_at)
                VALUES (?, ?, ?, 'pi_forged', ?, '{A1}', 1, 16.00, 'EUR', 'CONFIRMED', now())""")
                .params(other, show.showId(), UUID.randomUUID(), UUID.randomUUID()).update();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO booked_seat (show_id, seat_id, booking_id) VALUES (?, 'A1', ?)")
                .params(show.showId(), other).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsALapsedHoldsLatePaymentOnceANewerHoldClaimedASeat() {
        ShowScheduled show = stocked(ShowScheduledMother.show(2, 5));
        UUID ana = UUID.randomUUID();
        long anasToken = TOKENS.incrementAndGet();
        PaymentSucceeded late = paid(show, ana, List.of("B1", "B2"), anasToken);
        // Ana's hold lapsed; Ben held B2 after it, with a newer token
        events.send(new SeatsHeld(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), show.showId(),
                UUID.randomUUID(), List.of("B2", "B3"), TOKENS.incrementAndGet(), Instant.now().plusSeconds(300),
                new BigDecimal("23.00"), "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fence(show, "B2") > anasToken);

        events.send(late);

        await().atMost(Duration.ofSeconds(30)).until(() -> rejection(late).equals("SEATS_TAKEN"));
        assertThat(count("SELECT count(*) FROM booking WHERE hold_id = ?", late.holdId())).isZero();
        assertThat(status(show, "B1")).isEqualTo("AVAILABLE");
        await().atMost(Duration.ofSeconds(30)).until(() -> PUBLISHED.events(BookingRejected.class,
                event -> event.paymentId().equals(late.paymentId()) && event.reason().equals("SEATS_TAKEN")).size() == 1);
    }

    @Test
    void aBurstOfHoldsClaimsEachSeatWithItsNewestTokenWhateverTheOrderAndRepeats() {
        ShowScheduled first = stocked(ShowScheduledMother.show(2, 5));
        ShowScheduled second = stocked(ShowScheduledMother.show(2, 5));
        long older = TOKENS.incrementAndGet();
        long newer = TOKENS.incrementAndGet();
        SeatsHeld newest = held(first, List.of("A1", "A2"), newer);
        List<SeatsHeld> burst = List.of(newest, held(first, List.of("A2", "A3"), older), newest,
                held(second, List.of("A1"), older));
        burst.forEach(events::send);

        await().atMost(Duration.ofSeconds(30)).until(() -> fence(second, "A1") == older && fence(first, "A3") == older);
        assertThat(fence(first, "A1")).isEqualTo(newer);
        assertThat(fence(first, "A2")).isEqualTo(newer);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?, ?)", newest.eventId(),
                burst.get(1).eventId(), burst.get(3).eventId())).isEqualTo(3);
    }

    @Test
    void keepsTheHoldsAndBlocksThatOvertookTheirShowUntilItIsStocked() {
        ShowScheduled show = ShowScheduledMother.show(1, 5);
        long token = TOKENS.incrementAndGet();
        UUID showId = show.showId();
        // reservation-service's first events of the show, before booking has read its schedule (another topic)
        events.send(held(show, List.of("A1", "A2"), token));
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A3", "A4"), 5));
        events.send(new SeatsUnblocked(UUID.randomUUID(), Instant.now(), showId, List.of("A4"), 6));
        Consumption.awaitPast("booking-service",
                events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A4"), 4)));

        stocked(show);

        assertThat(fence(show, "A1")).isEqualTo(token);
        assertThat(fence(show, "A2")).isEqualTo(token);
        assertThat(fence(show, "A3")).isZero();
        assertThat(status(show, "A3")).isEqualTo("BLOCKED");
        assertThat(status(show, "A4")).as("unblocked by the newest").isEqualTo("AVAILABLE");
        assertThat(count("SELECT count(*) FROM early_seat_change WHERE show_id = ?", showId)).isZero();
        // the hold's claim is in force: an older hold's late payment loses, the hold's own payment wins
        PaymentSucceeded older = sent(paid(show, UUID.randomUUID(), List.of("A1"), token - 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> rejection(older).equals("SEATS_TAKEN"));
        awaitBooking(sent(paid(show, UUID.randomUUID(), List.of("A1", "A2"), token)));
    }

    @Test
    void neverLosesAClaimOrABlockThatRacesTheStockingOfItsShow() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 40; round++) {
                ShowScheduled show = ShowScheduledMother.show(1, 3);
                long token = TOKENS.incrementAndGet();
                CyclicBarrier start = new CyclicBarrier(3);
                List<Future<?>> racing = List.of(
                        threads.submit(() -> {
                            start.await();
                            inventory.stock(show);
                            return null;
                        }),
                        threads.submit(() -> {
                            start.await();
                            inventory.claim(List.of(held(show, List.of("A2"), token)));
                            return null;
                        }),
                        threads.submit(() -> {
                            start.await();
                            inventory.block(show.showId(), List.of("A3"), true, 1);
                            return null;
                        }));
                for (Future<?> done : racing) {
                    done.get();
                }
                assertThat(fence(show, "A2")).as("round %d", round).isEqualTo(token);
                assertThat(status(show, "A3")).as("round %d", round).isEqualTo("BLOCKED");
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static SeatsHeld held(ShowScheduled show, List<String> seats, long token) {
        return new SeatsHeld(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), show.showId(), UUID.randomUUID(),
                seats, token, Instant.now().plusSeconds(300), new BigDecimal("10.00"), "EUR");
    }

    @Test
    void countsEachPaymentsDecisionOnceHoweverOftenItArrives() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        double confirmedBefore = decisions("confirmed", "none");
        double takenBefore = decisions("rejected", "SEATS_TAKEN");
        double alreadyPaidBefore = decisions("rejected", "ALREADY_PAID");
        double cancelledShowBefore = decisions("rejected", "SHOW_CANCELLED");
        PaymentSucceeded payment = paid(show, UUID.randomUUID(), List.of("A1"), TOKENS.incrementAndGet());
        PaymentSucceeded rival = paid(show, UUID.randomUUID(), List.of("A1", "A2"), TOKENS.incrementAndGet());
        PaymentSucceeded secondPayment = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), "pi_second_" + UUID.randomUUID(),
                payment.holdId(), show.showId(), payment.customerId(), payment.seatIds(), payment.fencingToken(),
                payment.amount(), payment.currency(), payment.customerEmail());
        PaymentSucceeded last = paid(show, UUID.randomUUID(), List.of("A5"), TOKENS.incrementAndGet());

        // every payment delivered twice; one show's payments arrive in order, so the last one's booking comes last
        for (PaymentSucceeded each : List.of(payment, rival, secondPayment, last)) {
            events.send(each);
            events.send(each);
        }
        awaitBooking(last);

        await().atMost(Duration.ofSeconds(10)).until(() -> decisions("confirmed", "none") >= confirmedBefore + 2);
        assertThat(decisions("confirmed", "none")).isEqualTo(confirmedBefore + 2);
        assertThat(decisions("rejected", "SEATS_TAKEN")).isEqualTo(takenBefore + 1);
        assertThat(decisions("rejected", "ALREADY_PAID")).isEqualTo(alreadyPaidBefore + 1);
        assertThat(decisions("rejected", "SHOW_CANCELLED")).isEqualTo(cancelledShowBefore);
        assertThat(rejection(rival)).isEqualTo("SEATS_TAKEN");
        assertThat(rejection(secondPayment)).isEqualTo("ALREADY_PAID");
    }

    @Test
    void confirmsALatePaymentWhileItsSeatsAreStillFree() {
        ShowScheduled show = stocked(ShowScheduledMother.show(2, 5));
        long token = TOKENS.incrementAndGet();
        // the hold's own SeatsHeld set the fence to its token; nobody claimed the seats after it lapsed
        events.send(new SeatsHeld(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), show.showId(),
                UUID.randomUUID(), List.of("B4"), token, Instant.now().minusSeconds(60), new BigDecimal("11.50"), "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fence(show, "B4") == token);

        PaymentSucceeded late = paid(show, UUID.randomUUID(), List.of("B4"), token);
        events.send(late);

        awaitBooking(late);
        assertThat(status(show, "B4")).isEqualTo("SOLD");
    }

    @Test
    void aPaymentDeliveredTwiceOrSentTwiceMakesOneBooking() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        PaymentSucceeded payment = paid(show, UUID.randomUUID(), List.of("A3"), TOKENS.incrementAndGet());
        PaymentSucceeded resent = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), payment.paymentId(),
                payment.holdId(), show.showId(), payment.customerId(), payment.seatIds(), payment.fencingToken(),
                payment.amount(), payment.currency(), payment.customerEmail());
        PaymentSucceeded secondPayment = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), "pi_second",
                payment.holdId(), show.showId(), payment.customerId(), payment.seatIds(), payment.fencingToken(),
                payment.amount(), payment.currency(), payment.customerEmail());

        events.send(payment);
        events.send(payment);
        events.send(resent);
        events.send(secondPayment);

        await().atMost(Duration.ofSeconds(30)).until(() -> rejection(secondPayment).equals("ALREADY_PAID"));
        assertThat(count("SELECT count(*) FROM booking WHERE hold_id = ?", payment.holdId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM booked_seat WHERE booking_id = ?", awaitBooking(payment))).isEqualTo(1);
    }

    @Test
    void rejectsPaymentsForBlockedSeatsAndBeyondTheCustomersLimit() {
        ShowScheduled show = stocked(ShowScheduledMother.show(3, 5));
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), show.showId(), List.of("C5"), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(show, "C5").equals("BLOCKED"));
        PaymentSucceeded blocked = paid(show, UUID.randomUUID(), List.of("C4", "C5"), TOKENS.incrementAndGet());
        UUID ana = UUID.randomUUID();
        PaymentSucceeded eight = paid(show, ana, List.of("A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3"),
                TOKENS.incrementAndGet());
        PaymentSucceeded threeMore = paid(show, ana, List.of("C1", "C2", "C3"), TOKENS.incrementAndGet());
        double tooManyBefore = decisions("rejected", "TOO_MANY_SEATS");

        events.send(blocked);
        events.send(eight);
        events.send(threeMore);

        await().atMost(Duration.ofSeconds(30)).until(() -> rejection(threeMore).equals("TOO_MANY_SEATS"));
        await().atMost(Duration.ofSeconds(10)).until(() -> decisions("rejected", "TOO_MANY_SEATS") == tooManyBefore + 1);
        assertThat(rejection(blocked)).isEqualTo("SEATS_TAKEN");
        awaitBooking(eight);
        assertThat(status(show, "C4")).isEqualTo("AVAILABLE");
    }

    @Test
    void theNewestBlockOrUnblockOfASeatWinsWhicheverArrivesLast() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        UUID showId = show.showId();
        // A1 was blocked (5), then unblocked (7): the unblock arrives first
        events.send(new SeatsUnblocked(UUID.randomUUID(), Instant.now(), showId, List.of("A1"), 7));
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A1"), 5));
        // A2: the same, in order
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A2"), 5));
        events.send(new SeatsUnblocked(UUID.randomUUID(), Instant.now(), showId, List.of("A2"), 7));
        // A3 was blocked (3), unblocked (5) and blocked again (8): they arrive newest first
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A3"), 8));
        events.send(new SeatsUnblocked(UUID.randomUUID(), Instant.now(), showId, List.of("A3"), 5));
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A3"), 3));
        // one partition per show: once the last event is applied, every earlier one is
        events.send(new SeatsBlocked(UUID.randomUUID(), Instant.now(), showId, List.of("A5"), 9));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(show, "A5").equals("BLOCKED"));

        assertThat(status(show, "A1")).isEqualTo("AVAILABLE");
        assertThat(status(show, "A2")).isEqualTo("AVAILABLE");
        assertThat(status(show, "A3")).isEqualTo("BLOCKED");
        awaitBooking(sent(paid(show, UUID.randomUUID(), List.of("A1", "A2"), TOKENS.incrementAndGet())));
    }

    @Test
    void aShowUpdateOlderThanTheOneAppliedChangesNothing() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        Instant third = show.startsAt().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant second = show.startsAt().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ShowUpdated late = updated(show, second, 2); // the earlier update, resent late by the catalog's outbox
        events.send(updated(show, third, 3));
        events.send(late);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", late.eventId()) == 1);

        assertThat(jdbc.sql("SELECT starts_at FROM show_inventory WHERE show_id = ?").param(show.showId())
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(third);
    }

    private static ShowUpdated updated(ShowScheduled show, Instant startsAt, long version) {
        return new ShowUpdated(UUID.randomUUID(), Instant.now(), show.showId(), startsAt,
                startsAt.plus(2, ChronoUnit.HOURS), show.salesOpenAt(), startsAt, show.prices(), version);
    }

    @Test
    void cancellationFreesTheSeatsAndRefundsInsideTheWindowOnly() {
        ShowScheduled tomorrow = stocked(startingAt(ShowScheduledMother.show(1, 5), Instant.now().plus(1, ChronoUnit.DAYS)));
        ShowScheduled inAnHour = stocked(startingAt(ShowScheduledMother.show(1, 5), Instant.now().plus(1, ChronoUnit.HOURS)));
        ShowScheduled started = stocked(startingAt(ShowScheduledMother.show(1, 5), Instant.now().minusSeconds(60)));
        UUID ana = UUID.randomUUID();
        UUID early = confirmed(tomorrow, ana, List.of("A1", "A2"));
        UUID late = confirmed(inAnHour, ana, List.of("A1"));
        UUID tooLate = confirmed(started, ana, List.of("A1"));
        double byCustomerBefore = cancellations("customer");

        var cancelled = customer(ana).post("/api/v1/bookings/" + early + "/cancel", "");
        var again = customer(ana).post("/api/v1/bookings/" + early + "/cancel", "");
        var noRefund = customer(ana).post("/api/v1/bookings/" + late + "/cancel", "");
        var refused = customer(ana).post("/api/v1/bookings/" + tooLate + "/cancel", "");
        var notYours = customer(UUID.randomUUID()).post("/api/v1/bookings/" + late + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("refundAmount").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(noRefund.json().path("refundAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("code")).isEqualTo("SHOW_STARTED");
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(cancellations("customer")).as("two cancelled; the repeat, the refused and someone else's not")
                .isEqualTo(byCustomerBefore + 2);
        assertThat(status(tomorrow, "A1")).isEqualTo("AVAILABLE");
        assertThat(status(started, "A1")).isEqualTo("SOLD");
        assertThat(count("SELECT count(*) FROM booked_seat WHERE booking_id = ? AND active", early)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> PUBLISHED.events(BookingCancelled.class,
                event -> event.bookingId().equals(early) && event.refundAmount().compareTo(new BigDecimal("32.00")) == 0)
                .size() == 1);
        // the seats are for sale again: another customer buys one
        awaitBooking(sent(paid(tomorrow, UUID.randomUUID(), List.of("A2"), TOKENS.incrementAndGet())));
    }

    @Test
    void aCancelledShowsBookingsAreCancelledAndRefundedInFull() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        UUID booking = confirmed(show, UUID.randomUUID(), List.of("A1", "A2"));
        UUID another = confirmed(show, UUID.randomUUID(), List.of("A4"));
        double byShowBefore = cancellations("show");
        ShowCancelled cancellation = new ShowCancelled(UUID.randomUUID(), Instant.now(), show.showId());

        events.send(cancellation);
        Consumption.awaitPast("booking-service", events.send(cancellation));

        // both deliveries applied: the bookings cancelled and counted once
        assertThat(count("SELECT count(*) FROM booking WHERE id = ? AND status = 'CANCELLED' AND refund_amount = 32.00",
                booking)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM booking WHERE id = ? AND status = 'CANCELLED'", another)).isEqualTo(1);
        assertThat(cancellations("show")).isEqualTo(byShowBefore + 2);
        double showCancelledBefore = decisions("rejected", "SHOW_CANCELLED");
        PaymentSucceeded afterwards = sent(paid(show, UUID.randomUUID(), List.of("A3"), TOKENS.incrementAndGet()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rejection(afterwards).equals("SHOW_CANCELLED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> decisions("rejected", "SHOW_CANCELLED") == showCancelledBefore + 1);
    }

    @Test
    void tellsReservationWhoBoughtWhichSeatForARebuild() {
        ShowScheduled show = stocked(ShowScheduledMother.show(1, 5));
        UUID ana = UUID.randomUUID();
        confirmed(show, ana, List.of("A2", "A3"));

        var states = JsonApi.asGateway("http://127.0.0.1:" + port).get("/internal/v1/shows/" + show.showId() + "/seat-states");

        assertThat(states.status()).isEqualTo(200);
        assertThat(states.json().path("sold").path("A2").asString()).isEqualTo(ana.toString());
        assertThat(states.json().path("sold").size()).isEqualTo(2);
        assertThat(states.json().path("fence").asLong()).isPositive();
        assertThat(JsonApi.asGateway("http://127.0.0.1:" + port).get("/internal/v1/shows/" + UUID.randomUUID()
                + "/seat-states").status()).isEqualTo(404);
    }

    private ShowScheduled stocked(ShowScheduled show) {
        events.send(show);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM show_inventory WHERE show_id = ?", show.showId()) == 1);
        return show;
    }

    private static ShowScheduled startingAt(ShowScheduled show, Instant startsAt) {
        return new ShowScheduled(show.eventId(), show.occurredAt(), show.showId(), show.movieId(), show.movieTitle(),
                show.cinemaId(), show.hallId(), show.hallName(), startsAt, startsAt.plus(2, ChronoUnit.HOURS),
                show.salesOpenAt(), startsAt, show.rows(), show.prices());
    }

    private static PaymentSucceeded paid(ShowScheduled show, UUID customer, List<String> seatIds, long token) {
        BigDecimal amount = seatIds.stream().map(seat -> seat.startsWith("A") ? new BigDecimal("16.00")
                : new BigDecimal("11.50")).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PaymentSucceeded(UUID.randomUUID(), Instant.now(), "pi_" + UUID.randomUUID(), UUID.randomUUID(),
                show.showId(), customer, seatIds, token, amount, "EUR", "buyer@example.com");
    }

    private PaymentSucceeded sent(PaymentSucceeded payment) {
        events.send(payment);
        return payment;
    }

    private UUID confirmed(ShowScheduled show, UUID customer, List<String> seatIds) {
        return awaitBooking(sent(paid(show, customer, seatIds, TOKENS.incrementAndGet())));
    }

    private UUID awaitBooking(PaymentSucceeded payment) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM booking WHERE hold_id = ?", payment.holdId()) == 1);
        return jdbc.sql("SELECT id FROM booking WHERE hold_id = ?").param(payment.holdId()).query(UUID.class).single();
    }

    private String rejection(PaymentSucceeded payment) {
        return jdbc.sql("SELECT reason FROM rejected_payment WHERE payment_id = ?").param(payment.paymentId())
                .query(String.class).optional().orElse("");
    }

    private String status(ShowScheduled show, String seat) {
        return jdbc.sql("SELECT status FROM show_seat WHERE show_id = ? AND seat_id = ?").params(show.showId(), seat)
                .query(String.class).single();
    }

    private long fence(ShowScheduled show, String seat) {
        return jdbc.sql("SELECT fence FROM show_seat WHERE show_id = ? AND seat_id = ?").params(show.showId(), seat)
                .query(Long.class).single();
    }

    /** {@code ticketing.bookings} with this outcome and reason, as counted so far (by any of the test contexts). */
    private double decisions(String outcome, String reason) {
        return Meters.count("ticketing.bookings", "outcome", outcome, "reason", reason);
    }

    private double cancellations(String by) {
        return Meters.count("ticketing.bookings.cancelled", "by", by);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private JsonApi customer(UUID customerId) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString());
    }
}
