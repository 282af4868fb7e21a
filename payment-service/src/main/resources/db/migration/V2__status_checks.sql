-- The statuses a payment and a refund can have, as Payment.Status and Refund.Status name them: a value no type knows
-- is refused by the database rather than read back as an error. ServiceSmokeTests keeps these lists equal to the
-- types.
ALTER TABLE payment ADD CONSTRAINT payment_status_check
    CHECK (status IN ('PENDING', 'FAILED', 'SUCCEEDED', 'REFUND_PENDING', 'REFUNDED'));
ALTER TABLE refund ADD CONSTRAINT refund_status_check
    CHECK (status IN ('REQUESTED', 'SUBMITTED', 'SUCCEEDED', 'FAILED'));
