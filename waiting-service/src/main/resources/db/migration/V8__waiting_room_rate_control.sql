-- How a room's rate follows the hold path (issue 19): it is judged on every tick by the holds since it last changed
-- (the time it was last judged became the time it last changed), and an opening ramps up from a tenth of the rate
-- while its holds are healthy.
ALTER TABLE waiting_room RENAME COLUMN health_checked_at TO rate_changed_at;
ALTER TABLE waiting_room ADD COLUMN ramping BOOLEAN NOT NULL DEFAULT false;
