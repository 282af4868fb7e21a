/** Calling another service's internal endpoints. */
package io.ticketing.starter.client;
