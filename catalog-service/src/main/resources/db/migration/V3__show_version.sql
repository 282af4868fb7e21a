-- Each state of a show has a version (1 as scheduled, one more per update), carried by ShowUpdated: consumers apply
-- an update only if it is newer than the one they have, so a late resend of an older update changes nothing.
ALTER TABLE show ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
