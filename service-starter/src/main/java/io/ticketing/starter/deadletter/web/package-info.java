/** The service's dead letters over HTTP, for the gateway's admin API. */
package io.ticketing.starter.deadletter.web;
