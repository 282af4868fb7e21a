/** REST endpoints of holds. */
package io.ticketing.reservation.hold.web;
