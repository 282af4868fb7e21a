/**
 * Sales: paid holds become bookings in one SERIALIZABLE transaction that checks every seat and the hold's
 * fencing token; cancellations put the seats back on sale.
 */
package io.ticketing.booking.sale;
