/** Kafka listeners: booking events that ask for money back. */
package io.ticketing.payment.messaging;
