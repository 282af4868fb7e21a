-- Shows on sale as the catalog announced them: enough to rebuild a show's seat map in Redis at any time.
CREATE TABLE seating_plan
(
    show_id    UUID PRIMARY KEY,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    seat_count INT         NOT NULL,
    layout     JSONB       NOT NULL,
    prices     JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
