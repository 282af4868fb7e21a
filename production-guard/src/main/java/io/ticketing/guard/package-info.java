/** Fail closed: a service started outside the {@code local} profile refuses the development defaults it declares. */
package io.ticketing.guard;
