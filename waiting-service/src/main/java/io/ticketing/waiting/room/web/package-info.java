/** The waiting rooms over HTTP: customers, admins, and the gateway's gate. */
package io.ticketing.waiting.room.web;
