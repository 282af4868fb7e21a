/** REST endpoints of search: the public search and the admin operations on the index. */
package io.ticketing.catalog.search.web;
