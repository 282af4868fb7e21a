/** What tickets and mails say about a show: movie, cinema hall and start, kept from the catalog's show events. */
package io.ticketing.notification.show;
