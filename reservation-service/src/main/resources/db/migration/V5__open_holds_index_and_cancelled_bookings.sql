-- The record sweep asks every few seconds for open holds past their lease; open means HELD or PAYMENT_PENDING,
-- and an index on HELD alone cannot answer that, so every hold ever taken was read. Index what the query asks.
DROP INDEX hold_open_idx;
CREATE INDEX hold_open_idx ON hold (expires_at) WHERE status IN ('HELD', 'PAYMENT_PENDING');

-- Bookings booking-service cancelled: a BookingConfirmed resent after its booking's BookingCancelled sells nothing.
CREATE TABLE cancelled_booking
(
    booking_id   UUID PRIMARY KEY,
    show_id      UUID        NOT NULL,
    cancelled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
