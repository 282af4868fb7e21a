package io.ticketing.notification.ticket;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.notification.show.ShowRepository;
import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;

/**
 * Issues a booking's e-tickets, prints them, and checks ticket codes. Tickets are issued once per booking: a
 * confirmation seen again (redelivered, or republished with a new event id) issues nothing.
 */
@Service
public class Tickets {

    private final TicketRepository records;
    private final SigningKeys keys;
    private final TicketPdf pdf;
    private final ShowRepository shows;
    private final ApplicationEventPublisher events;
    private final TicketMetrics metrics;
    private final Clock clock;

    Tickets(TicketRepository records, SigningKeys keys, TicketPdf pdf, ShowRepository shows,
            ApplicationEventPublisher events, TicketMetrics metrics, Clock clock) {
        this.records = records;
        this.keys = keys;
        this.pdf = pdf;
        this.shows = shows;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * One signed ticket per seat, stored with {@link TicketsIssued} (outbox) in the caller's transaction; whether they
     * were issued now. Nothing is issued for a booking known already: confirmed before, or cancelled (the
     * cancellation can arrive first).
     */
    public boolean issue(BookingConfirmed confirmed) {
        Instant now = clock.instant();
        var booking = new TicketRepository.Booking(confirmed.bookingId(), confirmed.showId(), confirmed.customerId(),
                false);
        if (!records.insert(booking, now)) {
            return false;
        }
        List<Ticket> tickets = confirmed.seatIds().stream().map(seat -> {
            UUID ticketId = UUID.randomUUID();
            var code = new TicketCode(ticketId, confirmed.bookingId(), confirmed.showId(), seat);
            return new Ticket(ticketId, seat, TicketCodes.sign(code, keys.keys().getPrivate()));
        }).toList();
        records.insert(confirmed.bookingId(), tickets);
        events.publishEvent(new TicketsIssued(UUID.randomUUID(), now, confirmed.bookingId(), confirmed.showId(),
                confirmed.customerId(), tickets.stream()
                        .map(ticket -> new TicketsIssued.Ticket(ticket.ticketId(), ticket.seatId(), ticket.code()))
                        .toList()));
        metrics.issued(tickets.size());
        return true;
    }

    /**
     * A cancelled booking's tickets are void: no longer printed, reported cancelled when verified. A cancellation that
     * arrives before its confirmation is recorded, so that the confirmation issues nothing.
     */
    public void cancelled(BookingCancelled cancelled) {
        records.cancel(new TicketRepository.Booking(cancelled.bookingId(), cancelled.showId(), cancelled.customerId(),
                true), clock.instant());
    }

    /** The customer's tickets as a PDF, one page per ticket; someone else's booking does not exist for them. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID bookingId, UUID customerId) {
        var booking = Ownership.ownedBy(customerId, records.booking(bookingId), TicketRepository.Booking::customerId,
                "BOOKING_NOT_FOUND", "Booking " + bookingId);
        if (booking.cancelled()) {
            throw RequestRejectedException.conflict("BOOKING_CANCELLED",
                    "Booking " + bookingId + " was cancelled; its tickets are void");
        }
        return print(booking);
    }

    /** The tickets of a booking as a PDF, for its confirmation mail. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID bookingId) {
        return print(records.booking(bookingId).orElseThrow(() -> new IllegalStateException(
                "Booking " + bookingId + " has no tickets")));
    }

    @Transactional(readOnly = true)
    public Verification verify(String code) {
        return TicketCodes.verify(code, publicKey())
                .map(ticket -> Verification.of(ticket, records.bookingOfTicket(ticket.ticketId())
                        .map(TicketRepository.Booking::cancelled).orElse(false)))
                .orElseGet(Verification::invalid);
    }

    /**
     * Lets a ticket in at the door, once. {@code code} is what its QR code carries and must be the platform's
     * signature over this ticket; {@code showId}, if the scanner names the show it admits to, must be the ticket's.
     * A second scan of an admitted ticket is refused with when and where it was admitted; a cancelled booking's
     * tickets are void.
     */
    @Transactional
    public Admission admit(UUID ticketId, String code, UUID showId, String gate) {
        try {
            Admission admission = letIn(ticketId, code, showId, gate);
            metrics.admitted();
            return admission;
        }
        catch (RequestRejectedException refused) {
            metrics.refused(refused.code());
            throw refused;
        }
    }

    private Admission letIn(UUID ticketId, String code, UUID showId, String gate) {
        TicketCode ticket = TicketCodes.verify(code, publicKey())
                .filter(signed -> signed.ticketId().equals(ticketId))
                .orElseThrow(() -> RequestRejectedException.unprocessable("TICKET_INVALID",
                        "This code is not the platform's signature over ticket " + ticketId));
        if (showId != null && !showId.equals(ticket.showId())) {
            throw RequestRejectedException.unprocessable("WRONG_SHOW",
                    "Ticket " + ticketId + " is for show " + ticket.showId() + ", not this one");
        }
        var booking = records.bookingOfTicket(ticketId).orElseThrow(() -> RequestRejectedException.unprocessable(
                "TICKET_INVALID", "Ticket " + ticketId + " was never issued here"));
        if (booking.cancelled()) {
            throw RequestRejectedException.conflict("TICKET_VOID",
                    "Booking " + booking.bookingId() + " was cancelled; its tickets are void");
        }
        return records.admit(ticket, clock.instant(), gate).orElseThrow(() -> {
            Admission first = records.admitted(ticket).orElseThrow();
            return RequestRejectedException.conflict("ALREADY_ADMITTED", "Ticket " + ticketId + " was admitted at "
                    + first.admittedAt() + " through " + first.gate()).with("admittedAt", first.admittedAt())
                    .with("gate", first.gate());
        });
    }

    /** The key that verifies every ticket code. */
    public PublicKey publicKey() {
        return keys.keys().getPublic();
    }

    private byte[] print(TicketRepository.Booking booking) {
        return pdf.render(shows.show(booking.showId()), booking.bookingId(), records.tickets(booking.bookingId()));
    }
}
