/** Who may call what: API keys for apps and admins, signed customer sessions, and the identity passed on. */
package io.ticketing.gateway.access;
