-- The sale window and whether the catalog cancelled the show: holds are taken only while sales are open.
ALTER TABLE seating_plan ADD COLUMN sales_open_at TIMESTAMPTZ;
ALTER TABLE seating_plan ADD COLUMN sales_close_at TIMESTAMPTZ;
ALTER TABLE seating_plan ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT false;
UPDATE seating_plan SET sales_open_at = created_at, sales_close_at = starts_at;
ALTER TABLE seating_plan ALTER COLUMN sales_open_at SET NOT NULL;
ALTER TABLE seating_plan ALTER COLUMN sales_close_at SET NOT NULL;

-- Every hold ever taken. Redis has the live lease; this is the record customers and payments read.
CREATE TABLE hold
(
    id            UUID PRIMARY KEY,
    show_id       UUID           NOT NULL REFERENCES seating_plan (show_id),
    customer_id   UUID           NOT NULL,
    seat_ids      TEXT[]         NOT NULL,
    fencing_token BIGINT         NOT NULL,
    amount        NUMERIC(12, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    status        TEXT           NOT NULL,
    expires_at    TIMESTAMPTZ    NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    ended_at      TIMESTAMPTZ
);
CREATE INDEX hold_show_idx ON hold (show_id);
CREATE INDEX hold_customer_idx ON hold (customer_id);
