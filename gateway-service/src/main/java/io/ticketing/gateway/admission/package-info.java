/** The virtual waiting rooms' door: holds of a show whose room is on need its customer's admission token. */
package io.ticketing.gateway.admission;
