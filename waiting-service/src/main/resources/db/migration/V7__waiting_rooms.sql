-- Virtual waiting rooms for hot on-sales (issue 19): while a show's room is on, customers wait in it and are let
-- into the seat map at the room's rate. All of a room's state is here, so any instance serves any request, and a
-- restart loses no place.
CREATE TABLE waiting_room
(
    show_id              UUID PRIMARY KEY,
    status               TEXT             NOT NULL
        CHECK (status IN ('SCHEDULED', 'OPEN', 'SOLD_OUT', 'CLOSED')),
    opens_at             TIMESTAMPTZ      NOT NULL,
    admit_per_minute     INT              NOT NULL CHECK (admit_per_minute > 0),
    admission_minutes    INT              NOT NULL CHECK (admission_minutes > 0),
    -- the rate admission runs at: the configured one, or less while the hold path is slow or failing
    effective_per_minute DOUBLE PRECISION NOT NULL,
    throttle_reason      TEXT,
    -- admissions earned by time and not yet made (a fraction of a customer carries over to the next tick)
    credit               DOUBLE PRECISION NOT NULL DEFAULT 0,
    -- tickets with rank up to here are admitted; last_rank is the last rank given
    admitted_through     BIGINT           NOT NULL DEFAULT 0,
    last_rank            BIGINT           NOT NULL DEFAULT 0,
    ticked_at            TIMESTAMPTZ,
    health_checked_at    TIMESTAMPTZ,
    opened_at            TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,
    created_at           TIMESTAMPTZ      NOT NULL,
    updated_at           TIMESTAMPTZ      NOT NULL
);

-- A customer's one place in a room. Who joins before the opening draws a random number, and at the opening the
-- room's first ranks go to them in the order of their draws; who joins after gets the next rank, in arrival order.
CREATE TABLE waiting_room_ticket
(
    id             UUID PRIMARY KEY,
    show_id        UUID        NOT NULL REFERENCES waiting_room,
    customer_id    UUID        NOT NULL,
    joined_at      TIMESTAMPTZ NOT NULL,
    draw           BIGINT      NOT NULL,
    rank           BIGINT,
    admitted_at    TIMESTAMPTZ,
    admitted_until TIMESTAMPTZ,
    CONSTRAINT waiting_room_ticket_one_per_customer UNIQUE (show_id, customer_id),
    CONSTRAINT waiting_room_ticket_one_per_rank UNIQUE (show_id, rank)
);
CREATE INDEX waiting_room_ticket_active_idx ON waiting_room_ticket (show_id, admitted_until)
    WHERE admitted_until IS NOT NULL;

-- How the holds of a room's show fared, per second, as the gateways report them: admission slows down when too many
-- were slow or failed.
CREATE TABLE waiting_room_health
(
    show_id UUID        NOT NULL,
    second  TIMESTAMPTZ NOT NULL,
    holds   INT         NOT NULL,
    slow    INT         NOT NULL,
    errors  INT         NOT NULL,
    PRIMARY KEY (show_id, second)
);
