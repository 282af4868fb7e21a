/**
 * E-tickets: one per booked seat, each with a code signed with Ed25519 that a scanner verifies offline with the
 * published public key; printed with its QR code, one PDF page per ticket.
 */
package io.ticketing.notification.ticket;
