package io.ticketing.booking.sale.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.booking.sale.Booking;
import io.ticketing.booking.sale.Bookings;
import io.ticketing.starter.web.CurrentCustomer;

/** The customer's own bookings: read them, list them, cancel one. */
@RestController
class BookingController {

    private final Bookings bookings;

    BookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/api/v1/bookings/{bookingId}")
    Booking booking(@PathVariable UUID bookingId, @CurrentCustomer UUID customerId) {
        return bookings.booking(bookingId, customerId);
    }

    @GetMapping("/api/v1/bookings")
    List<Booking> bookings(@CurrentCustomer UUID customerId) {
        return bookings.bookings(customerId);
    }

    @PostMapping("/api/v1/bookings/{bookingId}/cancel")
    Booking cancel(@PathVariable UUID bookingId, @CurrentCustomer UUID customerId) {
        return bookings.cancel(bookingId, customerId);
    }
}
