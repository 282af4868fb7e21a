/** Seat inventory per show: the rows that decide, under SERIALIZABLE transactions, what is sold. */
package io.ticketing.booking.inventory;
