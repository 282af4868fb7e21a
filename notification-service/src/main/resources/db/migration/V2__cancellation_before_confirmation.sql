-- A cancellation may arrive before its booking's confirmation (an outbox resends the confirmation late): the booking
-- is then recorded cancelled without ever having been confirmed here, and no ticket is issued for it.
ALTER TABLE booking ALTER COLUMN confirmed_at DROP NOT NULL;
