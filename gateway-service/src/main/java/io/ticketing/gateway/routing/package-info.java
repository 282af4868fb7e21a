/** Which service owns which public path. */
package io.ticketing.gateway.routing;
