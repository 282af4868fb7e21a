-- The statuses a seat and a booking can have, as the service's types name them (Inventory.Seat.Status,
-- Booking.Status): a value no type knows is refused by the database rather than read back as an error.
-- ServiceSmokeTests keeps these lists equal to the types.
ALTER TABLE show_seat ADD CONSTRAINT show_seat_status_check CHECK (status IN ('AVAILABLE', 'SOLD', 'BLOCKED'));
ALTER TABLE booking ADD CONSTRAINT booking_status_check CHECK (status IN ('CONFIRMED', 'CANCELLED'));
