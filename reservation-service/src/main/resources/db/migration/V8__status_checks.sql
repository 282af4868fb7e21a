-- The statuses a hold can have, as Hold.Status names them: a value it does not know is refused by the database
-- rather than read back as an error. ServiceSmokeTests keeps this list equal to the type.
ALTER TABLE hold ADD CONSTRAINT hold_status_check
    CHECK (status IN ('HELD', 'PAYMENT_PENDING', 'CONFIRMED', 'EXPIRED', 'RELEASED', 'REFUNDED'));
