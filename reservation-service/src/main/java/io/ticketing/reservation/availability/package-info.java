/**
 * How many seats of each type a show can still sell, reported to the catalog as
 * {@code SeatAvailabilityChanged} at most once per interval per show, by one instance.
 */
package io.ticketing.reservation.availability;
