-- Who scheduled a show and when, who changed it last and when (JPA auditing, ADR 15). The version column (V3) is the
-- show's optimistic lock too: a write based on an older version is refused (ETag / If-Match).
ALTER TABLE show ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE show ADD COLUMN created_by TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE show ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE show ADD COLUMN updated_by TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE show ALTER COLUMN created_by DROP DEFAULT;
ALTER TABLE show ALTER COLUMN updated_by DROP DEFAULT;
ALTER TABLE show ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE show ALTER COLUMN updated_at DROP DEFAULT;
