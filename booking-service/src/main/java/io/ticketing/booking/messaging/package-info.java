/** Kafka listeners of booking-service. */
package io.ticketing.booking.messaging;
