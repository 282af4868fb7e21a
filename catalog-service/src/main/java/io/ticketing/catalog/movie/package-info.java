/** What is shown: movies and their details. */
package io.ticketing.catalog.movie;
