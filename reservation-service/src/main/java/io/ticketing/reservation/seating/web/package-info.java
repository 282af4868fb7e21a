/** REST endpoints of the seat map. */
package io.ticketing.reservation.seating.web;
