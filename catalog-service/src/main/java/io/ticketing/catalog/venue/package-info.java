/** Where shows take place: cities, cinemas and their halls with seat layouts. */
package io.ticketing.catalog.venue;
