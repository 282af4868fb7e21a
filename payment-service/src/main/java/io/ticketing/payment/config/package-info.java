/** Configuration: the service's properties and the payment provider chosen by them. */
package io.ticketing.payment.config;
