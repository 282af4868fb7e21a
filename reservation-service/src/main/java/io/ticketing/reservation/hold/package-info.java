/** Holds: seats leased to a customer for five minutes, taken all or nothing in Redis, recorded in PostgreSQL. */
package io.ticketing.reservation.hold;
