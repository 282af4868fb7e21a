-- A room's rate is now judged on every tick, by the holds since it last changed (issue 19): the time it was last
-- judged became the time it last changed.
ALTER TABLE waiting_room RENAME COLUMN health_checked_at TO rate_changed_at;
