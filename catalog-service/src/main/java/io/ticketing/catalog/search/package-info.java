/**
 * The show search index in Elasticsearch: fed from catalog events, rebuilt from PostgreSQL on demand,
 * queried by the public search.
 */
package io.ticketing.catalog.search;
