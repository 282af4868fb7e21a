-- The waiting lines, one per show, in PostgreSQL so that a restart loses no entry and no place in line.
-- joined_seq is the line's order: first come, first served.
CREATE TABLE waitlist_entry
(
    id          UUID PRIMARY KEY,
    show_id     UUID        NOT NULL,
    customer_id UUID        NOT NULL,
    seat_count  INT         NOT NULL CHECK (seat_count BETWEEN 1 AND 10),
    status      TEXT        NOT NULL,
    joined_seq  BIGSERIAL   NOT NULL UNIQUE,
    joined_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ
);
-- the line of a show, in order, as serving and positions read it
CREATE INDEX waitlist_entry_line_idx ON waitlist_entry (show_id, joined_seq) WHERE status = 'WAITING';
CREATE INDEX waitlist_entry_expiry_idx ON waitlist_entry (expires_at) WHERE status = 'WAITING';
-- one place in a show's line per customer
CREATE UNIQUE INDEX waitlist_entry_one_per_customer ON waitlist_entry (show_id, customer_id)
    WHERE status IN ('WAITING', 'OFFERED');
