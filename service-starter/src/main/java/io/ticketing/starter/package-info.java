/** Cross-cutting runtime of every back-end service: auto-configured, no business types. */
package io.ticketing.starter;
