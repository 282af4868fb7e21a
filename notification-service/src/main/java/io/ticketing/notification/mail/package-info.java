/**
 * E-mails to customers, exactly one per fact: written to the {@code mail} table in the transaction that handles the
 * event (unique per kind and reference), then sent over SMTP with retries and a Message-ID derived from the fact.
 */
package io.ticketing.notification.mail;
