/** Test fixtures for integration events: Object Mothers and a producer that sends them as services do. */
package io.ticketing.testsupport.events;
