/** REST endpoints for shows: the admin API. */
package io.ticketing.catalog.show.web;
