package io.ticketing.notification.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a ticket's code vouches for, and its signed bytes: a version byte ({@value #VERSION}), the ticket, booking
 * and show ids (16 bytes each, most significant half first) and the seat id in UTF-8 — binary, so the QR code
 * stays small enough to scan from a phone screen. Plain JDK: a scanner app can copy it with {@link TicketCodes}.
 */
public record TicketCode(UUID ticketId, UUID bookingId, UUID showId, String seatId) {

    public static final byte VERSION = 1;
    private static final int IDS_END = 1 + 3 * 16;

    public TicketCode {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(showId, "showId");
        if (seatId == null || seatId.isEmpty()) {
            throw new IllegalArgumentException("A ticket needs a seat");
        }
    }

    /** The bytes that are signed. */
    public byte[] payload() {
        byte[] seat = seatId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(IDS_END + seat.length).put(VERSION).put(bytes(ticketId)).put(bytes(bookingId))
                .put(bytes(showId)).put(seat).array();
    }

    /** The contents of signed bytes; empty for another version or layout. */
    public static Optional<TicketCode> fromPayload(byte[] payload) {
        if (payload.length <= IDS_END || payload[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 1, payload.length - 1);
        UUID ticketId = new UUID(buffer.getLong(), buffer.getLong());
        UUID bookingId = new UUID(buffer.getLong(), buffer.getLong());
        UUID showId = new UUID(buffer.getLong(), buffer.getLong());
        try {
            String seatId = StandardCharsets.UTF_8.newDecoder().decode(buffer).toString();
            return Optional.of(new TicketCode(ticketId, bookingId, showId, seatId));
        }
        catch (CharacterCodingException ex) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
