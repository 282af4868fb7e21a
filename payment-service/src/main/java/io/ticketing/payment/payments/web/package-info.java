/** Paying for a hold over HTTP, the simulated card step, and the provider's webhook endpoint. */
package io.ticketing.payment.payments.web;
