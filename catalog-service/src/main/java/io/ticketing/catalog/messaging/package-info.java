/** Kafka consumers of catalog-service: the search index feed and cache invalidation. */
package io.ticketing.catalog.messaging;
