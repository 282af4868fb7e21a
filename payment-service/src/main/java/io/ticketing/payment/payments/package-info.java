/**
 * Payments for holds: priced from the hold on the server, a PaymentIntent per attempt, the provider's webhooks
 * turned into payment events (outbox), and refunds of payments that did not become bookings or were cancelled.
 */
package io.ticketing.payment.payments;
