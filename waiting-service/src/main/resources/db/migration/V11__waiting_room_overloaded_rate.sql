-- The rate a room last ran at when its holds got slow (issue 19): a room slowed down steps back up quickly to three
-- quarters of it, and by a quarter of its steps beyond, so that it does not run straight back into the same overload.
ALTER TABLE waiting_room ADD COLUMN overloaded_per_minute DOUBLE PRECISION;
