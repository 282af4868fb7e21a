-- The authority on what is sold: one row per show, one row per seat of every show.
CREATE TABLE show_inventory
(
    show_id    UUID PRIMARY KEY,
    hall_id    UUID        NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    seat_count INT         NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Primary key (show_id, seat_id): every lookup of a show's seats is an index range scan of that show only.
CREATE TABLE show_seat
(
    show_id   UUID           NOT NULL REFERENCES show_inventory (show_id),
    seat_id   TEXT           NOT NULL,
    seat_type TEXT           NOT NULL,
    price     NUMERIC(10, 2) NOT NULL,
    currency  CHAR(3)        NOT NULL,
    status    TEXT           NOT NULL DEFAULT 'AVAILABLE',
    PRIMARY KEY (show_id, seat_id)
);
