-- The version of the show's state last applied (ShowUpdated): an older update arriving later changes nothing.
ALTER TABLE seating_plan ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
