/** The Server-Sent Events endpoint of the live seat map. */
package io.ticketing.reservation.stream.web;
