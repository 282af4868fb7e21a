/** Joining, watching and leaving a waiting line over HTTP. */
package io.ticketing.waiting.line.web;
