/** The seat plan of every show on sale, kept in PostgreSQL and mirrored into Redis as the live seat map. */
package io.ticketing.reservation.seating;
