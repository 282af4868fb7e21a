/** Browsing the catalog: cities, the movies on in a city, show times with availability. Cached reads. */
package io.ticketing.catalog.browse;
