-- An admission runs from when its customer first hears of it (issue 19): a page far back in a large crowd reads its
-- place a minute or two apart, and a customer let in between two reads (the rate went up) would lose that much of it.
-- The first read that tells of the admission starts it again, if it comes while the admission still runs.
ALTER TABLE waiting_room_ticket ADD COLUMN admission_seen_at TIMESTAMPTZ;
