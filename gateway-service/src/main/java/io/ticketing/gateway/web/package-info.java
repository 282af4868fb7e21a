/** What the gateway adds to every exchange: request ids, and problem+json for every error it raises. */
package io.ticketing.gateway.web;
