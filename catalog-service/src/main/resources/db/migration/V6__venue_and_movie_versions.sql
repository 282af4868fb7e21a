-- Cities, cinemas, halls and movies are versioned and audited as shows are (V3, V5; ADR 15): the version is the ETag an
-- admin's change must name (If-Match), and the optimistic lock that refuses a change based on an older one. Rows from
-- before are version 1, created and changed by 'unknown' at the time of this migration; from now on the application
-- writes all five columns, so they keep no default.
DO
$$
    DECLARE
        admin_table TEXT;
    BEGIN
        FOREACH admin_table IN ARRAY ARRAY ['city', 'cinema', 'hall', 'movie']
            LOOP
                EXECUTE format('ALTER TABLE %I
                    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 1,
                    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    ADD COLUMN created_by TEXT        NOT NULL DEFAULT ''unknown'',
                    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    ADD COLUMN updated_by TEXT        NOT NULL DEFAULT ''unknown''', admin_table);
                EXECUTE format('ALTER TABLE %I
                    ALTER COLUMN version DROP DEFAULT, ALTER COLUMN created_at DROP DEFAULT,
                    ALTER COLUMN created_by DROP DEFAULT, ALTER COLUMN updated_at DROP DEFAULT,
                    ALTER COLUMN updated_by DROP DEFAULT', admin_table);
            END LOOP;
    END
$$;
