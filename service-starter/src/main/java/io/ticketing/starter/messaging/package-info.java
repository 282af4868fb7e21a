/**
 * Reliable events between services: the outbox (Spring Modulith's event publication registry, forwarded
 * to Kafka after commit and resubmitted until Kafka has it) and the inbox that drops redeliveries.
 */
package io.ticketing.starter.messaging;
