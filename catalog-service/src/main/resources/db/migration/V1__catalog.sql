CREATE TABLE city
(
    id        UUID PRIMARY KEY,
    name      TEXT             NOT NULL,
    country   TEXT             NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    UNIQUE (country, name)
);

CREATE TABLE cinema
(
    id          UUID PRIMARY KEY,
    city_id     UUID             NOT NULL REFERENCES city (id),
    name        TEXT             NOT NULL,
    address     TEXT             NOT NULL,
    postal_code TEXT             NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL,
    longitude   DOUBLE PRECISION NOT NULL
);
CREATE INDEX cinema_city_idx ON cinema (city_id);

-- The seat layout is one document: rows front to back, seats with number and type.
CREATE TABLE hall
(
    id         UUID PRIMARY KEY,
    cinema_id  UUID  NOT NULL REFERENCES cinema (id),
    name       TEXT  NOT NULL,
    layout     JSONB NOT NULL,
    seat_count INT   NOT NULL CHECK (seat_count > 0),
    UNIQUE (cinema_id, name)
);

CREATE TABLE movie
(
    id               UUID PRIMARY KEY,
    title            TEXT   NOT NULL,
    description      TEXT   NOT NULL,
    duration_minutes INT    NOT NULL CHECK (duration_minutes > 0),
    genre            TEXT   NOT NULL,
    language         TEXT   NOT NULL,
    release_date     DATE   NOT NULL,
    country          TEXT   NOT NULL,
    rating           TEXT,
    cast_members     TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE show
(
    id        UUID PRIMARY KEY,
    movie_id  UUID        NOT NULL REFERENCES movie (id),
    hall_id   UUID        NOT NULL REFERENCES hall (id),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    status    TEXT        NOT NULL
);
CREATE INDEX show_hall_time_idx ON show (hall_id, starts_at);
CREATE INDEX show_movie_time_idx ON show (movie_id, starts_at);

CREATE TABLE show_price
(
    show_id   UUID          NOT NULL REFERENCES show (id) ON DELETE CASCADE,
    seat_type TEXT          NOT NULL,
    amount    NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    currency  CHAR(3)       NOT NULL,
    PRIMARY KEY (show_id, seat_type)
);
