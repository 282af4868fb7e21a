/** Load harnesses that measure a running platform through its public gateway and print the numbers. */
package io.ticketing.benchmarks;
