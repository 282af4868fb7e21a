-- An entry that left a show's waiting line stays for a day as a departure (left_at), so that an enter arriving
-- after its leave (a slow request, or one the caller gave up on) cannot put it back: such a ghost entry would keep
-- every freed seat of the show for nobody.
ALTER TABLE waiting_line_entry ADD COLUMN left_at TIMESTAMPTZ;
