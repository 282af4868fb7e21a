/** REST endpoints of the seat inventory: sales figures for admins. */
package io.ticketing.booking.inventory.web;
