/** Tickets over HTTP: a booking's PDF for its owner, the public key, and checking a code. */
package io.ticketing.notification.ticket.web;
