-- Payments for holds, one row per attempt. Amount, seats and fencing token are the hold's as reservation-service
-- priced and fenced it; the client never names them. intent_id is the provider's PaymentIntent (pi_...).
CREATE TABLE payment
(
    id             UUID PRIMARY KEY,
    hold_id        UUID           NOT NULL,
    attempt        INT            NOT NULL CHECK (attempt >= 1),
    show_id        UUID           NOT NULL,
    customer_id    UUID           NOT NULL,
    customer_email TEXT,
    seat_ids       TEXT[]         NOT NULL,
    fencing_token  BIGINT         NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
    currency       CHAR(3)        NOT NULL,
    provider       TEXT           NOT NULL,
    intent_id      TEXT UNIQUE,
    client_secret  TEXT,
    status         TEXT           NOT NULL,
    failure_reason TEXT,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    -- the attempt names the provider's idempotency key: one PaymentIntent per hold and attempt
    UNIQUE (hold_id, attempt)
);
-- At most one payment per hold waits for the customer's card: a second request answers that one again.
CREATE UNIQUE INDEX payment_one_pending_per_hold ON payment (hold_id) WHERE status = 'PENDING';

-- Money going back: at most one refund per payment, sent to the provider until it answered (REQUESTED ->
-- SUBMITTED), then SUCCEEDED or FAILED by the provider's webhook.
CREATE TABLE refund
(
    id                 UUID PRIMARY KEY,
    payment_id         UUID           NOT NULL UNIQUE REFERENCES payment (id),
    booking_id         UUID,
    amount             NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)        NOT NULL,
    reason             TEXT           NOT NULL,
    status             TEXT           NOT NULL,
    provider_refund_id TEXT UNIQUE,
    attempts           INT            NOT NULL DEFAULT 0,
    requested_at       TIMESTAMPTZ    NOT NULL,
    completed_at       TIMESTAMPTZ
);
CREATE INDEX refund_requested_idx ON refund (requested_at) WHERE status = 'REQUESTED';

-- Webhook events already applied (Stripe's evt_... ids): a replayed or redelivered event changes nothing.
CREATE TABLE provider_event
(
    id          TEXT PRIMARY KEY,
    type        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
