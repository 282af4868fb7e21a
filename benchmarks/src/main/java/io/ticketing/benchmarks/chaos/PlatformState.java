package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the audit read from the settled platform, for the shows the run put on sale: each service's database, Redis
 * and the public seat maps, plus the outbox, the consumer groups and the dead letters of the whole platform. Plain
 * data, so that the {@link Invariants} are checked on fixed data in unit tests exactly as on a live read.
 *
 * @param readAt when the read began: leases and offers are judged against it
 * @param holdGrace how much longer than its {@code expiresAt} the server keeps a hold
 * @param seatMaps per show, its live state in Redis
 * @param publicSeatMaps per show, seat id → status as {@code GET /api/v1/shows/{id}/seats} answered
 * @param inventory per show, seat id → status in booking-service's {@code show_seat}
 * @param seatFences per show, seat id → the highest fencing token booking-service learnt of (from {@code SeatsHeld})
 * @param tickets booking id → e-tickets booking-service has for it (from {@code TicketsIssued})
 * @param outbox per database, the {@code event_publication} rows not sent yet
 * @param deadLetters per database, the unresolved dead letters; a database without a {@code dead_letter} table is
 *        absent
 */
record PlatformState(Instant readAt, Duration holdGrace, Set<String> shows, Map<String, SeatMap> seatMaps,
        Map<String, Map<String, String>> publicSeatMaps, Map<String, Map<String, String>> inventory,
        Map<String, Map<String, Long>> seatFences, Map<String, Integer> tickets, List<BookedSeat> bookedSeats, List<Booking> bookings, List<Payment> payments, List<Refund> refunds,
        List<Hold> holds, List<WaitlistEntry> entries, Map<String, List<String>> outbox, List<GroupLag> lag,
        Map<String, List<String>> deadLetters) {

    /**
     * A show's keys in Redis ({@code show:{id}:...}).
     *
     * @param seats seat id → {@code AVAILABLE}, {@code KEPT}, {@code SOLD}, {@code BLOCKED} or {@code HELD:<holdId>};
     *        empty when Redis has no seat map for the show
     * @param counts {@code available}, {@code held}, {@code kept}, {@code seq}
     * @param customers customer id → seats held or bought in the show
     * @param holds hold id → {@code customerId|token|expiresAt|seat,seat}
     * @param liveLeases the holds whose lease key still exists (a positive {@code PTTL})
     * @param fence the show's fencing counter; empty when the key is missing
     */
    record SeatMap(Map<String, String> seats, Map<String, Long> counts, Map<String, Long> customers,
            Map<String, String> holds, Set<String> liveLeases, Optional<Long> fence) {
    }

    record BookedSeat(String showId, String seatId, String bookingId, boolean active) {
    }

    /** A row of booking-service's {@code booking}: {@code CONFIRMED} or {@code CANCELLED}. */
    record Booking(String bookingId, String showId, String holdId, String paymentId, String customerId,
            List<String> seatIds, String status, Instant confirmedAt) {
    }

    /** A row of payment-service's {@code payment}; {@code updatedAt} is its last change (success, refund). */
    record Payment(String paymentId, String holdId, String showId, String status, Instant updatedAt) {

        /** Whether the customer's money was taken at some point (refunded later or not). */
        boolean succeeded() {
            return status.equals("SUCCEEDED") || status.equals("REFUND_PENDING") || status.equals("REFUNDED");
        }
    }

    /** A row of payment-service's {@code refund}. */
    record Refund(String refundId, String paymentId, String status) {
    }

    /** A row of reservation-service's {@code hold}; {@code expiresAt} is the moment shown to the customer. */
    record Hold(String holdId, String showId, String customerId, List<String> seatIds, long fencingToken,
            String status, Instant expiresAt, Instant createdAt) {

        /** Still holding its seats, with or without a payment under way. */
        boolean holding() {
            return status.equals("HELD") || status.equals("PAYMENT_PENDING");
        }
    }

    /** A row of waiting-service's {@code waitlist_entry}. */
    record WaitlistEntry(String entryId, String showId, String customerId, int seatCount, String status,
            String offerHoldId, Instant offerExpiresAt) {
    }

    /** How far a consumer group is behind on one partition. */
    record GroupLag(String group, String partition, long lag) {
    }
}
