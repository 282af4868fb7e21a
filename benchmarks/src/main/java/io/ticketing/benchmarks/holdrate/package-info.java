/**
 * The hold-rate benchmark of issue 14: CPU per operation of every process of the stack, for a no-op straight to the
 * service and through the gateway, a hold, a refused hold and an anonymous seat-map read, driven by {@code wrk}.
 */
package io.ticketing.benchmarks.holdrate;
