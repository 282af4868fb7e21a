/** REST endpoints for venues: public reads and the admin API. */
package io.ticketing.catalog.venue.web;
