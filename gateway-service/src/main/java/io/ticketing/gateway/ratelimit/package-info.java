/** Rate limits per API key and per customer, counted in Redis so every gateway instance shares them. */
package io.ticketing.gateway.ratelimit;
