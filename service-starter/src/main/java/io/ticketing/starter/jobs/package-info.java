/** Leases that let one instance of a service at a time do a scheduled job that every instance schedules. */
package io.ticketing.starter.jobs;
