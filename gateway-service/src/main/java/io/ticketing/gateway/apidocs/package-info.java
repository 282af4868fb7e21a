/** The platform's API documentation, combined from every service's OpenAPI document. */
package io.ticketing.gateway.apidocs;
