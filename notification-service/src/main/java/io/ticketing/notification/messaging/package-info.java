/** Kafka listeners of notification-service. */
package io.ticketing.notification.messaging;
