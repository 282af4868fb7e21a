-- The statuses a show can have, as Show.Status names them: a value it does not know is refused by the database
-- rather than read back as an error. ServiceSmokeTests keeps this list equal to the type.
ALTER TABLE show ADD CONSTRAINT show_status_check CHECK (status IN ('SCHEDULED', 'CANCELLED'));
