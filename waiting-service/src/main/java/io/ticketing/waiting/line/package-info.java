/** The waiting lines: entries in arrival order per show, durable in PostgreSQL. */
package io.ticketing.waiting.line;
