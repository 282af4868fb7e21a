/**
 * Payment providers: Stripe through stripe-java, and a simulated provider that behaves like it (PaymentIntents,
 * refunds, signed webhooks). Nothing here knows holds or bookings.
 */
package io.ticketing.payment.provider;
