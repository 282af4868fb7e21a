/** Bean wiring of catalog-service. */
package io.ticketing.catalog.config;
