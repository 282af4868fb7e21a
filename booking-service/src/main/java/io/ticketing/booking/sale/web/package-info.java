/** The customer's bookings over HTTP, and the sold seats for reservation-service's seat-map rebuild. */
package io.ticketing.booking.sale.web;
