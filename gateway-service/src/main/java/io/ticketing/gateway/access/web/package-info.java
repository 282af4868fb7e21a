/** The sessions endpoint, served by the gateway itself. */
package io.ticketing.gateway.access.web;
