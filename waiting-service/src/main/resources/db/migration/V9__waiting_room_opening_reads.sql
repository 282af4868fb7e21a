-- An opening is quiet until its crowd has read its places (issue 19): every instance adds the reads it served in the
-- quiet to the room, and admission compares them with the crowd and with what it saw on its last tick.
ALTER TABLE waiting_room ADD COLUMN opening_reads BIGINT NOT NULL DEFAULT 0;
ALTER TABLE waiting_room ADD COLUMN opening_reads_judged BIGINT NOT NULL DEFAULT 0;
