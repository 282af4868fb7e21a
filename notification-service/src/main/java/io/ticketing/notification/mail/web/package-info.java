/** Mails other services hand over: the gateway's sign-in codes. */
package io.ticketing.notification.mail.web;
