-- Where the customer is told of their booking (from the payment; null when their session had no e-mail address).
ALTER TABLE booking ADD COLUMN customer_email TEXT;

-- The e-tickets notification-service issued for a booking (TicketsIssued): one per seat, with the signed code its
-- QR code carries.
CREATE TABLE booking_ticket
(
    booking_id UUID NOT NULL REFERENCES booking (id),
    seat_id    TEXT NOT NULL,
    ticket_id  UUID NOT NULL UNIQUE,
    code       TEXT NOT NULL,
    PRIMARY KEY (booking_id, seat_id)
);
