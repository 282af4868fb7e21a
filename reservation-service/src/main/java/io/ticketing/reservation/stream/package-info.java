/**
 * Live seat maps: every change of a show's seats pushed to the clients that watch it, from one Redis
 * subscription per instance, after a snapshot that is exact up to its sequence number.
 */
package io.ticketing.reservation.stream;
