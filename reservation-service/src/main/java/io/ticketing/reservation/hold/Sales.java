package io.ticketing.reservation.hold;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatStateRecovery;

/**
 * Mirrors booking-service's sales in the seat map and the hold records. A booking goes CONFIRMED, then perhaps
 * CANCELLED, never back: its events take effect by that order, not by their arrival. A cancellation that arrives
 * first (the confirmation's first send was lost and the outbox resends it later) ends the booking's hold and puts
 * its seats back as if they had been sold, and the late confirmation then changes nothing.
 */
@Service
public class Sales {

    private final SeatScripts scripts;
    private final HoldRepository records;
    private final CancelledBookingRepository cancelled;
    private final SeatStateRecovery recovery;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HoldMetrics metrics;

    Sales(SeatScripts scripts, HoldRepository records, CancelledBookingRepository cancelled, SeatStateRecovery recovery,
            ApplicationEventPublisher events, Clock clock, HoldMetrics metrics) {
        this.scripts = scripts;
        this.records = records;
        this.cancelled = cancelled;
        this.recovery = recovery;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Booking-service sold the seats of a hold: they become SOLD and the hold CONFIRMED, even when its lease had
     * lapsed (the booking checked that the seats were still free). A booking cancelled already sells nothing.
     */
    public void sold(BookingConfirmed booking) {
        if (!cancelled.contains(booking.bookingId())) {
            if (!scripts.sell(booking.showId(), booking.holdId(), booking.customerId(), booking.seatIds())) {
                // Redis lost the show: the rebuild reads the sale from booking-service
                recovery.recover(booking.showId());
                scripts.sell(booking.showId(), booking.holdId(), booking.customerId(), booking.seatIds());
            }
        }
        confirm(booking.holdId(), booking.bookingId());
    }

    /**
     * A booking was cancelled: its seats are for sale again, or kept for the show's waiting line, which is then
     * told ({@link SeatsKept}, published with this consumer's transaction, after the seats are kept). The hold is
     * {@code CONFIRMED} (it became this booking) whichever of the two events came first. The line is told about
     * every seat of the booking that is kept now, also when an earlier attempt at this event kept them and then
     * failed to commit: being told twice is harmless, never being told strands the seats.
     */
    public void unsold(BookingCancelled booking) {
        cancelled.remember(booking.bookingId(), booking.showId());
        if (booking.holdId() != null) {
            confirm(booking.holdId(), booking.bookingId());
        }
        var kept = scripts.unsell(booking.showId(), booking.holdId(), booking.customerId(), booking.seatIds());
        if (kept.isEmpty()) {
            recovery.recover(booking.showId()); // the rebuild reads the cancellation, and keeps seats for a line
        }
        else if (kept.getAsInt() > 0) {
            events.publishEvent(new SeatsKept(UUID.randomUUID(), clock.instant(), booking.showId(), kept.getAsInt()));
        }
    }

    /** The hold is the booking's: its end is counted the first time it is recorded. */
    private void confirm(UUID holdId, UUID bookingId) {
        if (records.confirm(holdId, bookingId, clock.instant())) {
            metrics.ended(Hold.Status.CONFIRMED);
        }
    }
}
