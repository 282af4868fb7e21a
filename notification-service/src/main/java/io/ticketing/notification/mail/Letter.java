package io.ticketing.notification.mail;

/** A mail's words: its subject and plain-text body. */
record Letter(String subject, String body) {
}
