/** HTTP concerns shared by every service: request ids and RFC 9457 problem details. */
package io.ticketing.starter.web;
