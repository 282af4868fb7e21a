/** Bean wiring and settings of reservation-service. */
package io.ticketing.reservation.config;
