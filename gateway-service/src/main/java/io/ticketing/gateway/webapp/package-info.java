/**
 * The web app: the customer app at {@code /} and the admin console at {@code /admin/}, static files of the
 * {@code web-app} module served from the classpath, and the settings a browser needs to use the public API.
 */
package io.ticketing.gateway.webapp;
