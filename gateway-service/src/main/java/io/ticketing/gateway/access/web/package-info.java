/** Signing in and out, served by the gateway itself. */
package io.ticketing.gateway.access.web;
