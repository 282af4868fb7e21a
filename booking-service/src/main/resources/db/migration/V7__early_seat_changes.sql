-- A hold's claim or a block that came before booking had stocked its show: the show's schedule and its seats' holds
-- travel on different topics, so reservation-service's first holds can overtake the ShowScheduled that creates the
-- show_seat rows. The change waits here and is applied when the show is stocked (Inventory.stock), then deleted.
CREATE TABLE early_seat_change
(
    show_id       UUID    NOT NULL,
    seat_id       TEXT    NOT NULL,
    -- the highest fencing token of the holds that claimed the seat, 0 if none
    fence         BIGINT  NOT NULL DEFAULT 0,
    -- the newest block (true) or unblock (false) of the seat and its version, version 0 if none
    blocked       BOOLEAN NOT NULL DEFAULT false,
    block_version BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (show_id, seat_id)
);
