/** The chaos audit of issue 13: an on-sale rush under injected faults, then an audit of every guarantee. */
package io.ticketing.benchmarks.chaos;
