/** Kafka listeners of reservation-service. */
package io.ticketing.reservation.messaging;
