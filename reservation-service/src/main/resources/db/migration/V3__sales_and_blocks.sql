-- The booking a paid hold became.
ALTER TABLE hold ADD COLUMN booking_id UUID;
CREATE INDEX hold_open_idx ON hold (expires_at) WHERE status = 'HELD';

-- Seats the venue took off sale; the seat map shows them BLOCKED and a rebuild restores them from here.
CREATE TABLE blocked_seat
(
    show_id    UUID        NOT NULL REFERENCES seating_plan (show_id),
    seat_id    TEXT        NOT NULL,
    blocked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (show_id, seat_id)
);
