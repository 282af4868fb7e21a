/** What the starter's gauges share: values that cost a query, read at most once per interval. */
package io.ticketing.starter.metrics;
