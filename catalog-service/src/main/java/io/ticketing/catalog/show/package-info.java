/** Shows: a movie in a hall at a time, with prices per seat type. Scheduling one puts it on sale. */
package io.ticketing.catalog.show;
