-- Cities, cinemas, halls and movies are versioned and audited as shows are (V3, V5; ADR 15): the version is the ETag an
-- admin's change must name (If-Match), and the optimistic lock that refuses a change based on an older one. Rows from
-- before are version 1, created and changed by 'unknown' at the time of this migration.
ALTER TABLE city ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cinema ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE hall ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE movie ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

ALTER TABLE city
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by TEXT        NOT NULL DEFAULT 'unknown',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by TEXT        NOT NULL DEFAULT 'unknown';
ALTER TABLE cinema
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by TEXT        NOT NULL DEFAULT 'unknown',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by TEXT        NOT NULL DEFAULT 'unknown';
ALTER TABLE hall
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by TEXT        NOT NULL DEFAULT 'unknown',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by TEXT        NOT NULL DEFAULT 'unknown';
ALTER TABLE movie
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by TEXT        NOT NULL DEFAULT 'unknown',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by TEXT        NOT NULL DEFAULT 'unknown';

-- From now on the application writes them; a row without them is a bug.
ALTER TABLE city
    ALTER COLUMN version DROP DEFAULT, ALTER COLUMN created_at DROP DEFAULT, ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT, ALTER COLUMN updated_by DROP DEFAULT;
ALTER TABLE cinema
    ALTER COLUMN version DROP DEFAULT, ALTER COLUMN created_at DROP DEFAULT, ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT, ALTER COLUMN updated_by DROP DEFAULT;
ALTER TABLE hall
    ALTER COLUMN version DROP DEFAULT, ALTER COLUMN created_at DROP DEFAULT, ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT, ALTER COLUMN updated_by DROP DEFAULT;
ALTER TABLE movie
    ALTER COLUMN version DROP DEFAULT, ALTER COLUMN created_at DROP DEFAULT, ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT, ALTER COLUMN updated_by DROP DEFAULT;
