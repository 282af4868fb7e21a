package io.ticketing.benchmarks.chaos;

import static io.ticketing.benchmarks.chaos.PlatformStateMother.NOW;
import static io.ticketing.benchmarks.chaos.PlatformStateMother.SHOW;
import static io.ticketing.benchmarks.chaos.PlatformStateMother.booking;
import static io.ticketing.benchmarks.chaos.PlatformStateMother.fourFreeSeats;
import static io.ticketing.benchmarks.chaos.PlatformStateMother.hold;
import static io.ticketing.benchmarks.chaos.PlatformStateMother.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.ticketing.benchmarks.chaos.InvariantResult.Violation;

class InvariantsTest {

    @Test
    void aConsistentPlatformBreaksNoInvariant() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1", "A2").held("ben", "h2", 4, "A3")
                .waiting("e1", "cleo", 1);

        assertThat(Invariants.check(state.build())).allSatisfy(result -> assertThat(result.violations())
                .as(result.name()).isEmpty());
    }

    @Test
    void findsASeatInTwoActiveSales() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1");
        state.bookedSeats.add(new PlatformState.BookedSeat(SHOW, "A1", "b2", true));

        assertThat(details(Invariants.soldOnce(state.build()))).singleElement().asString()
                .contains(SHOW + " A1").contains("2 active sales").contains("b1, b2");
    }

    @Test
    void findsASeatInTwoConfirmedBookings() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1").sold("ben", "h2", "p2", "b2", "A1");
        state.bookedSeats.removeIf(seat -> seat.bookingId().equals("b2"));

        assertThat(details(Invariants.soldOnce(state.build()))).singleElement().asString()
                .contains("2 CONFIRMED bookings");
    }

    @Test
    void findsAPaymentThatBecameNeitherBookingNorRefund() {
        var state = fourFreeSeats();
        state.holds.add(hold("h1", "ana", 1, "PAYMENT_PENDING", NOW.minusSeconds(600), "A1"));
        state.payments.add(payment("p1", "h1", "SUCCEEDED"));

        assertThat(details(Invariants.paidOnce(state.build()))).singleElement().asString()
                .contains("payment p1").contains("hold h1 PAYMENT_PENDING").contains("neither booked nor refunded");
    }

    @Test
    void acceptsARefundedLatePaymentAndACancelledRefundedBooking() {
        var state = fourFreeSeats();
        state.payments.add(payment("p1", "h1", "REFUNDED"));
        state.refunds.add(new PlatformState.Refund("r1", "p1", "SUCCEEDED"));
        state.payments.add(payment("p2", "h2", "REFUNDED"));
        state.bookings.add(booking("b2", "h2", "p2", "ben", "CANCELLED", "A2"));
        state.refunds.add(new PlatformState.Refund("r2", "p2", "SUCCEEDED"));
        state.payments.add(payment("p3", "h3", "FAILED"));

        assertThat(Invariants.paidOnce(state.build()).violations()).isEmpty();
    }

    @Test
    void findsABookedAndRefundedPaymentARefundNotDoneAndACancellationWithoutRefund() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1");
        state.refunds.add(new PlatformState.Refund("r1", "p1", "SUCCEEDED"));
        state.payments.add(payment("p2", "h2", "REFUND_PENDING"));
        state.refunds.add(new PlatformState.Refund("r2", "p2", "SUBMITTED"));
        state.payments.add(payment("p3", "h3", "SUCCEEDED"));
        state.bookings.add(booking("b3", "h3", "p3", "cleo", "CANCELLED", "A3"));

        assertThat(details(Invariants.paidOnce(state.build()))).satisfiesExactlyInAnyOrder(
                detail -> assertThat(detail).contains("payment p1").contains("booked (b1) and refunded too"),
                detail -> assertThat(detail).contains("payment p2").contains("refund r2 SUBMITTED"),
                detail -> assertThat(detail).contains("payment p3").contains("CANCELLED without a refund"));
    }

    @Test
    void findsABookingWithoutASucceededPayment() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1");
        state.payments.clear();
        state.payments.add(payment("p1", "h1", "FAILED"));

        assertThat(details(Invariants.paidOnce(state.build()))).singleElement().asString()
                .contains("booking b1").contains("without a succeeded payment");
    }

    @Test
    void findsSeatsHeldByAnEndedOrUnknownOrLapsedHold() {
        var state = fourFreeSeats().held("ana", "h1", 1, "A1");
        state.seat("A2", "HELD:h-unknown", "AVAILABLE");
        state.holds.add(hold("h3", "ben", 2, "EXPIRED", NOW.minusSeconds(60), "A3"));
        state.seat("A3", "HELD:h3", "AVAILABLE");
        state.holds.add(hold("h4", "cleo", 3, "HELD", NOW.minusSeconds(60), "A4"));
        state.seat("A4", "HELD:h4", "AVAILABLE");

        assertThat(details(Invariants.heldForSomeone(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).contains("A2").contains("does not know"),
                detail -> assertThat(detail).contains("A3").contains("which is EXPIRED"),
                detail -> assertThat(detail).contains("A4").contains("whose lease ended"));
    }

    @Test
    void keptSeatsNeedAWaiterWhoCanUseThem() {
        var nobody = fourFreeSeats().seat("A1", "KEPT", "AVAILABLE").seat("A2", "KEPT", "AVAILABLE");
        var tooGreedy = fourFreeSeats().seat("A1", "KEPT", "AVAILABLE").waiting("e1", "ana", 3);
        var fits = fourFreeSeats().seat("A1", "KEPT", "AVAILABLE").held("ben", "h1", 1, "A2").waiting("e1", "ana", 2);

        assertThat(details(Invariants.heldForSomeone(nobody.build()))).singleElement().asString()
                .contains("2 seats KEPT (A1, A2)").contains("nobody waits");
        assertThat(details(Invariants.heldForSomeone(tooGreedy.build()))).singleElement().asString()
                .contains("want more (3 seats)");
        assertThat(Invariants.heldForSomeone(fits.build()).violations()).isEmpty();
    }

    @Test
    void findsALiveHoldWhoseSeatsTheMapLost() {
        var state = fourFreeSeats().held("ana", "h1", 1, "A1", "A2");
        state.seat("A2", "AVAILABLE", "AVAILABLE");

        assertThat(details(Invariants.holdsHold(state.build()))).singleElement().asString()
                .contains("hold h1").contains("A2 (AVAILABLE)").doesNotContain("A1");
    }

    @Test
    void findsHoldRecordsForgottenAfterTheirTime() {
        var state = fourFreeSeats();
        state.holds.add(hold("late", "ana", 1, "PAYMENT_PENDING",
                NOW.minus(PlatformStateMother.GRACE).minus(Invariants.FORGOTTEN_AFTER).minusSeconds(1), "A1"));
        state.holds.add(hold("just-ended", "ben", 2, "HELD", NOW.minusSeconds(10), "A2"));

        assertThat(details(Invariants.holdsEnd(state.build()))).singleElement().asString()
                .contains("hold late still PAYMENT_PENDING");
    }

    @Test
    void findsSeatsWhoseMapDisagreesWithBookingsInventory() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1");
        state.seat("A2", "SOLD", "AVAILABLE");
        state.seat("A3", "AVAILABLE", "BLOCKED");
        state.inventory.put("A4", "SOLD");
        state.publicSeats.put("A1", "AVAILABLE");

        assertThat(details(Invariants.mapIsInventory(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).contains("A1").contains("Redis SOLD, the public seat map AVAILABLE"),
                detail -> assertThat(detail).contains("A2").contains("booking AVAILABLE, Redis SOLD"),
                detail -> assertThat(detail).contains("A3").contains("booking BLOCKED, Redis AVAILABLE"),
                detail -> assertThat(detail).contains("A4").contains("booking SOLD, Redis AVAILABLE"));
    }

    @Test
    void findsAShowWithoutASeatMapInRedis() {
        var state = fourFreeSeats();
        state.seats.clear();

        assertThat(details(Invariants.mapIsInventory(state.build()))).singleElement().asString()
                .contains("no seat map in Redis");
    }

    @Test
    void findsCountersThatDriftedFromTheSeats() {
        var state = fourFreeSeats().seat("A1", "KEPT", "AVAILABLE");
        state.counts.put("available", 4L);

        assertThat(details(Invariants.counters(state.build()))).singleElement().asString()
                .contains("available 4 (the seats: 3)").doesNotContain("kept");
    }

    @Test
    void findsACustomerCountedTwiceForOnePaidHold() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1", "A2");
        state.customers.put("ana", 4L);
        state.customers.put("ghost", 1L);

        assertThat(details(Invariants.customerCounts(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).contains("customer ana: counted 4 seats, holds and bookings have 2"),
                detail -> assertThat(detail).contains("customer ghost: counted 1 seats, holds and bookings have 0"));
    }

    @Test
    void findsARepeatedFencingTokenAndACounterBelowTheTokensGiven() {
        var state = fourFreeSeats().held("ana", "h1", 7, "A1").held("ben", "h2", 7, "A2");
        state.fence = Optional.of(5L);

        assertThat(details(Invariants.fences(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).contains("token 7 given to 2 holds (h1, h2)"),
                detail -> assertThat(detail).contains("counter is at 5, below token 7"));
    }

    @Test
    void findsASeatWhoseHoldBookingNeverHeardOf() {
        var state = fourFreeSeats().held("ana", "h1", 4, "A1", "A2");
        state.seatFences.put("A2", 2L);

        assertThat(details(Invariants.fencesKnown(state.build()))).singleElement().asString()
                .contains(SHOW + " A2").contains("booking's fence is 2, but hold h1 claimed it with token 4");
    }

    @Test
    void findsHoldRecordsThatMissedTheirBookingOrRefund() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1");
        state.holds.replaceAll(held -> held.holdId().equals("h1") ? hold("h1", "ana", 3, "EXPIRED", held.expiresAt(),
                "A1") : held);
        state.holds.add(hold("h2", "ben", 4, "CONFIRMED", NOW.minusSeconds(60), "A2"));
        state.holds.add(hold("h3", "cleo", 5, "EXPIRED", NOW.minusSeconds(60), "A3"));
        state.payments.add(payment("p3", "h3", "REFUNDED"));
        state.refunds.add(new PlatformState.Refund("r3", "p3", "SUCCEEDED"));
        state.holds.add(hold("h4", "dan", 6, "REFUNDED", NOW.minusSeconds(60), "A4"));
        state.payments.add(payment("p4", "h4", "REFUNDED"));

        assertThat(details(Invariants.holdsAgree(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).isEqualTo("hold h1 EXPIRED, but it became booking b1 (CONFIRMED)"),
                detail -> assertThat(detail).isEqualTo("hold h2 CONFIRMED without a booking"),
                detail -> assertThat(detail).isEqualTo("hold h3 EXPIRED, but its payment p3 was refunded without a booking"));
    }

    @Test
    void findsAConfirmedBookingWithoutItsTickets() {
        var state = fourFreeSeats().sold("ana", "h1", "p1", "b1", "A1", "A2").sold("ben", "h2", "p2", "b2", "A3");
        state.tickets.remove("b1");

        assertThat(details(Invariants.tickets(state.build()))).containsExactly("booking b1 has 0 tickets for 2 seats");
    }

    @Test
    void findsLiveOffersWithoutALiveHoldOfTheirWaiter() {
        var state = fourFreeSeats().held("ana", "h1", 1, "A1");
        state.holds.add(hold("h2", "ben", 2, "EXPIRED", NOW.minusSeconds(1), "A2"));
        state.entries.add(new PlatformState.WaitlistEntry("ok", SHOW, "ana", 1, "OFFERED", "h1", NOW.plusSeconds(15)));
        state.entries.add(new PlatformState.WaitlistEntry("gone", SHOW, "cleo", 1, "OFFERED", "h9", NOW.plusSeconds(15)));
        state.entries.add(new PlatformState.WaitlistEntry("other", SHOW, "dan", 1, "OFFERED", "h1", NOW.plusSeconds(15)));
        state.entries.add(new PlatformState.WaitlistEntry("expired", SHOW, "ben", 1, "OFFERED", "h2", NOW.plusSeconds(15)));
        state.entries.add(new PlatformState.WaitlistEntry("over", SHOW, "eve", 1, "OFFERED", "h9", NOW.minusSeconds(1)));

        assertThat(details(Invariants.offers(state.build()))).satisfiesExactly(
                detail -> assertThat(detail).contains("entry gone").contains("does not exist"),
                detail -> assertThat(detail).contains("entry other").contains("belongs to customer ana"),
                detail -> assertThat(detail).contains("entry expired").contains("EXPIRED although"));
    }

    @Test
    void everyUnsentOutboxRowLaggingPartitionAndNewDeadLetterIsAViolation() {
        var state = fourFreeSeats();
        state.outbox.put("booking", List.of("id1 BookingConfirmed published 2026-12-01 11:59:00"));
        state.lag.add(new PlatformState.GroupLag("booking-service", "payment.payment-events-3", 2));
        state.lag.add(new PlatformState.GroupLag("payment-service", "booking.booking-events-0", 0));
        state.deadLetters.put("payment", List.of("id=1 status=NEW"));
        state.deadLetters.put("booking", List.of());

        PlatformState read = state.build();

        assertThat(details(Invariants.outbox(read))).containsExactly("booking: id1 BookingConfirmed published 2026-12-01 11:59:00");
        assertThat(details(Invariants.lag(read))).containsExactly(
                "group booking-service is 2 behind on payment.payment-events-3");
        assertThat(Invariants.deadLetters(read).violations()).extracting(Violation::detail)
                .containsExactly("payment: id=1 status=NEW");
        assertThat(Invariants.deadLetters(read).note()).isEqualTo("tables in booking, payment");
    }

    @Test
    void saysSoWhenNoServiceHasADeadLetterTable() {
        InvariantResult result = Invariants.deadLetters(fourFreeSeats().build());

        assertThat(result.holds()).isTrue();
        assertThat(result.note()).isEqualTo("no dead-letter table");
    }

    private static List<String> details(InvariantResult result) {
        return result.violations().stream().map(Violation::detail).toList();
    }
}
