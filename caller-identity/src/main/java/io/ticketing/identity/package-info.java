/** Who is calling a service, signed by the gateway or a fellow service and verified by the service called. */
package io.ticketing.identity;
