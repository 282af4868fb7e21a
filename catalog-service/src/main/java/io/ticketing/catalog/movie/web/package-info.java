/** REST endpoints for movies: public reads and the admin API. */
package io.ticketing.catalog.movie.web;
