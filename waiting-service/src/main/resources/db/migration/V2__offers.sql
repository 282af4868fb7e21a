-- The hold a waiter was offered, and whether reservation-service has the entry in the show's line (seats freed
-- while an entry is there are kept for the line).
ALTER TABLE waitlist_entry ADD COLUMN offer_hold_id UUID;
ALTER TABLE waitlist_entry ADD COLUMN offer_seat_ids TEXT[];
ALTER TABLE waitlist_entry ADD COLUMN offer_expires_at TIMESTAMPTZ;
-- ENTERING (to be entered), ENTERED, LEAVING (ended, to be removed), LEFT
ALTER TABLE waitlist_entry ADD COLUMN line_state TEXT NOT NULL DEFAULT 'ENTERING';
CREATE INDEX waitlist_entry_line_state_idx ON waitlist_entry (line_state) WHERE line_state IN ('ENTERING', 'LEAVING');
