-- Browsing by local date needs each city's time zone.
ALTER TABLE city ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

-- The window in which a show's seats may be held and sold.
ALTER TABLE show ADD COLUMN sales_open_at TIMESTAMPTZ;
ALTER TABLE show ADD COLUMN sales_close_at TIMESTAMPTZ;
UPDATE show SET sales_open_at = starts_at - INTERVAL '30 days', sales_close_at = starts_at;
ALTER TABLE show ALTER COLUMN sales_open_at SET NOT NULL;
ALTER TABLE show ALTER COLUMN sales_close_at SET NOT NULL;
ALTER TABLE show ADD CONSTRAINT show_sales_window CHECK (sales_open_at < sales_close_at AND sales_close_at <= ends_at);
CREATE INDEX show_upcoming_idx ON show (starts_at) WHERE status = 'SCHEDULED';

-- Seats per type that can still be taken, from reservation-service's SeatAvailabilityChanged events.
CREATE TABLE show_availability
(
    show_id   UUID NOT NULL REFERENCES show (id) ON DELETE CASCADE,
    seat_type TEXT NOT NULL,
    total     INT  NOT NULL CHECK (total > 0),
    available INT  NOT NULL CHECK (available BETWEEN 0 AND total),
    PRIMARY KEY (show_id, seat_type)
);
INSERT INTO show_availability (show_id, seat_type, total, available)
SELECT s.id, seat ->> 'type', count(*), count(*)
FROM show s
         JOIN hall h ON h.id = s.hall_id
         CROSS JOIN LATERAL jsonb_array_elements(h.layout -> 'rows') AS r(row)
         CROSS JOIN LATERAL jsonb_array_elements(r.row -> 'seats') AS seat
GROUP BY s.id, seat ->> 'type';
ALTER TABLE show ADD COLUMN availability_sequence BIGINT NOT NULL DEFAULT 0;


-- A rebuild of the search index in progress: the indexer also writes changes into the new index.
CREATE TABLE search_index_build
(
    alias      TEXT PRIMARY KEY,
    index_name TEXT        NOT NULL,
    started_at TIMESTAMPTZ NOT NULL
);
