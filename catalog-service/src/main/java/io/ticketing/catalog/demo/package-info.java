/**
 * Demo data and large synthetic catalogs: deterministic catalog descriptions (the demo catalog the local
 * stack seeds on its first start, and a generator for load tests) and a loader that writes them through
 * the catalog's own management services, so every rule is checked and every show reaches the seat
 * services through the outbox.
 */
package io.ticketing.catalog.demo;
