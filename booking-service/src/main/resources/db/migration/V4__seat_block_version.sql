-- The version (reservation-service's seat-change sequence) of the last block or unblock applied to the seat: an
-- older one that arrives later (an outbox resend) changes nothing.
ALTER TABLE show_seat ADD COLUMN block_version BIGINT NOT NULL DEFAULT 0;
