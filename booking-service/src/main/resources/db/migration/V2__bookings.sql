-- A show the catalog cancelled sells nothing more.
ALTER TABLE show_inventory ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT false;

-- The highest fencing token of any hold that claimed the seat (from SeatsHeld): a hold with a lower token lapsed
-- and someone newer took the seat, so it can never be confirmed.
ALTER TABLE show_seat ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;

-- One booking per paid hold.
CREATE TABLE booking
(
    id            UUID PRIMARY KEY,
    show_id       UUID           NOT NULL REFERENCES show_inventory (show_id),
    hold_id       UUID           NOT NULL UNIQUE,
    payment_id    TEXT           NOT NULL,
    customer_id   UUID           NOT NULL,
    seat_ids      TEXT[]         NOT NULL,
    fencing_token BIGINT         NOT NULL,
    amount        NUMERIC(12, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    status        TEXT           NOT NULL,
    refund_amount NUMERIC(12, 2),
    confirmed_at  TIMESTAMPTZ    NOT NULL,
    cancelled_at  TIMESTAMPTZ
);
CREATE INDEX booking_show_idx ON booking (show_id);
CREATE INDEX booking_customer_idx ON booking (customer_id, confirmed_at DESC);

-- The seats of every booking. The partial unique index is the last line of defence: whatever the code above
-- it does, PostgreSQL refuses a second active sale of one seat.
CREATE TABLE booked_seat
(
    show_id    UUID    NOT NULL,
    seat_id    TEXT    NOT NULL,
    booking_id UUID    NOT NULL REFERENCES booking (id),
    active     BOOLEAN NOT NULL DEFAULT true,
    FOREIGN KEY (show_id, seat_id) REFERENCES show_seat (show_id, seat_id)
);
CREATE UNIQUE INDEX booked_seat_sold_once ON booked_seat (show_id, seat_id) WHERE active;
CREATE INDEX booked_seat_booking_idx ON booked_seat (booking_id);

-- Payments that could not become bookings (the money goes back); one answer per payment however often it comes.
CREATE TABLE rejected_payment
(
    payment_id  TEXT PRIMARY KEY,
    hold_id     UUID        NOT NULL,
    show_id     UUID        NOT NULL,
    reason      TEXT        NOT NULL,
    rejected_at TIMESTAMPTZ NOT NULL
);
