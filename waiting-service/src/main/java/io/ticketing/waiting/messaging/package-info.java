/** Kafka listeners: seats that may have come free for a show's waiting line. */
package io.ticketing.waiting.messaging;
