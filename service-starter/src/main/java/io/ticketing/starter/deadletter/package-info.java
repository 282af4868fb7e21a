/**
 * Dead letters: events a consumer of this service can never apply, put on the service's dead-letter topic and
 * recorded for operators to list, inspect, replay and discard.
 */
package io.ticketing.starter.deadletter;
