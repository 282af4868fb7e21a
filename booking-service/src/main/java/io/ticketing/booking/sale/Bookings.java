package io.ticketing.booking.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;

/**
 * Confirms paid holds and cancels bookings. Each runs as one SERIALIZABLE transaction (retried when PostgreSQL
 * aborts it for a conflict) that reads the seats, decides and writes the booking with its event (outbox): two
 * payments racing for a seat cannot both see it free, and the unique index on active booked seats would refuse
 * the second sale even if this code were wrong.
 */
@Service
public class Bookings {

    private static final int MINE_LIMIT = 100;

    /** Why a payment was turned away (and is refunded): the reasons {@code BookingRejected} carries. */
    enum Rejection {
        /** A seat is sold or blocked, or a hold newer than the paid one claimed it. */
        SEATS_TAKEN,
        SHOW_CANCELLED,
        /** More than {@code ticketing.booking.max-seats} for the customer and show. */
        TOO_MANY_SEATS,
        /** A second payment for a hold that is a booking already. */
        ALREADY_PAID
    }

    private final BookingRepository repository;
    private final Inventory inventory;
    private final SerializableTransactions serializable;
    private final SaleProperties properties;
    private final ApplicationEventPublisher events;
    private final SaleMetrics metrics;
    private final Clock clock;

    Bookings(BookingRepository repository, Inventory inventory, SerializableTransactions serializable,
            SaleProperties properties, ApplicationEventPublisher events, SaleMetrics metrics, Clock clock) {
        this.repository = repository;
        this.inventory = inventory;
        this.serializable = serializable;
        this.properties = properties;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The transactions confirmations and cancellations run in, for callers that add to them (the inbox). */
    public TransactionOperations transactions() {
        return serializable;
    }

    /**
     * Turns a paid hold into a booking if every seat is still free and no hold newer than the paid one has
     * claimed any of them (the fencing token); otherwise the payment is rejected, for a refund. A payment for a
     * hold that became a booking already changes nothing. Must run inside {@link #transactions()}.
     */
    public void confirm(PaymentSucceeded payment) {
        var existing = repository.byHold(payment.holdId());
        if (existing.isPresent()) {
            if (!existing.get().paymentId().equals(payment.paymentId())) {
                reject(payment, Rejection.ALREADY_PAID);
            }
            return;
        }
        var show = inventory.show(payment.showId()).orElseThrow(() -> new IllegalStateException(
                "Show " + payment.showId() + " is not stocked yet; the payment is retried"));
        if (show.cancelled()) {
            reject(payment, Rejection.SHOW_CANCELLED);
            return;
        }
        List<Inventory.Seat> seats = inventory.seats(payment.showId(), payment.seatIds());
        boolean free = seats.size() == payment.seatIds().size() && seats.stream()
                .allMatch(seat -> seat.status() == Inventory.Seat.Status.AVAILABLE
                        && seat.fence() <= payment.fencingToken());
        if (!free) {
            reject(payment, Rejection.SEATS_TAKEN);
            return;
        }
        if (repository.seatsOfCustomer(payment.showId(), payment.customerId()) + seats.size() > properties.maxSeats()) {
            reject(payment, Rejection.TOO_MANY_SEATS);
            return;
        }
        if (inventory.sell(payment.showId(), payment.seatIds(), payment.fencingToken()) != seats.size()) {
            throw new IllegalStateException("Seats of show " + payment.showId() + " changed under a serializable read");
        }
        Instant now = clock.instant();
        Booking booking = new Booking(UUID.randomUUID(), Booking.Status.CONFIRMED, payment.showId(),
                payment.seatIds(), payment.amount(), payment.currency(), List.of(), payment.holdId(), now, null, null,
                payment.customerId(), payment.paymentId(), payment.customerEmail());
        repository.insert(booking, payment.fencingToken());
        events.publishEvent(new BookingConfirmed(UUID.randomUUID(), now, booking.bookingId(), booking.holdId(),
                booking.paymentId(), booking.showId(), booking.customerId(), booking.seatIds(), booking.amount(),
                booking.currency(), booking.customerEmail()));
        metrics.confirmed();
    }

    /** notification-service issued the booking's e-tickets: they are shown with the booking from now on. */
    public void ticketsIssued(TicketsIssued issued) {
        repository.issued(issued.bookingId(), issued.tickets().stream()
                .map(ticket -> new Booking.Ticket(ticket.seatId(), ticket.code(), ticket.ticketId())).toList());
    }

    public Booking booking(UUID bookingId, UUID customerId) {
        return Ownership.ownedBy(customerId, repository.find(bookingId), Booking::customerId, "BOOKING_NOT_FOUND",
                "Booking " + bookingId);
    }

    /** How many bookings of one status and currency a show has, with their seats, amount and refunds. */
    public record Tally(String status, String currency, int bookings, int seats, BigDecimal amount,
            BigDecimal refunded) {
    }

    /** A show's bookings counted per status and currency: what cancelling the show would refund. */
    public List<Tally> tally(UUID showId) {
        return repository.tally(showId);
    }

    /** The customer's bookings, newest first (the latest 100). */
    public List<Booking> bookings(UUID customerId) {
        return repository.ofCustomer(customerId, MINE_LIMIT);
    }

    /**
     * Cancels the customer's booking until the show starts: refunded in full up to
     * {@code ticketing.booking.full-refund-before} the start, not at all later. Cancelling twice changes nothing.
     */
    public Booking cancel(UUID bookingId, UUID customerId) {
        serializable.executeWithoutResult(tx -> {
            Booking booking = booking(bookingId, customerId);
            if (booking.status() == Booking.Status.CANCELLED) {
                return;
            }
            Instant now = clock.instant();
            Instant startsAt = inventory.show(booking.showId()).orElseThrow().startsAt();
            if (!now.isBefore(startsAt)) {
                throw RequestRejectedException.conflict("SHOW_STARTED", "The show has started; it cannot be cancelled");
            }
            boolean fullRefund = now.isBefore(startsAt.minus(properties.fullRefundBefore()));
            cancel(booking, fullRefund ? booking.amount() : BigDecimal.ZERO.setScale(2), now,
                    SaleMetrics.CancelledBy.CUSTOMER);
        });
        return booking(bookingId, customerId);
    }

    /** The catalog cancelled a show: every booking of it is cancelled and refunded in full. */
    public void cancelShow(UUID showId) {
        if (inventory.cancel(showId)) {
            Instant now = clock.instant();
            repository.confirmedOfShow(showId).forEach(booking -> cancel(booking, booking.amount(), now,
                    SaleMetrics.CancelledBy.SHOW));
        }
    }

    private void cancel(Booking booking, BigDecimal refund, Instant at, SaleMetrics.CancelledBy by) {
        if (repository.cancel(booking.bookingId(), refund, at)) {
            inventory.unsell(booking.showId(), booking.seatIds());
            events.publishEvent(new BookingCancelled(UUID.randomUUID(), at, booking.bookingId(), booking.holdId(),
                    booking.paymentId(), booking.showId(), booking.customerId(), booking.seatIds(), refund,
                    booking.currency(), booking.customerEmail()));
            metrics.cancelled(by);
        }
    }

    /** Turns the payment away for a refund, once: a payment rejected before is not rejected (nor counted) again. */
    private void reject(PaymentSucceeded payment, Rejection reason) {
        Instant now = clock.instant();
        if (repository.reject(payment.paymentId(), payment.holdId(), payment.showId(), reason.name(), now)) {
            events.publishEvent(new BookingRejected(UUID.randomUUID(), now, payment.holdId(), payment.paymentId(),
                    payment.showId(), payment.customerId(), payment.seatIds(), payment.amount(), payment.currency(),
                    reason.name(), payment.customerEmail()));
            metrics.rejected(reason);
        }
    }
}
