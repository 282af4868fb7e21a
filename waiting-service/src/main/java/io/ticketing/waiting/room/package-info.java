/**
 * Virtual waiting rooms for hot on-sales: customers wait in a show's room and are admitted to its seats at a rate the
 * platform can serve, in a random order among those who came before the opening, then in arrival order.
 */
package io.ticketing.waiting.room;
