-- Where the waiter is told of an offer (from the session that joined; null when it had no e-mail address).
ALTER TABLE waitlist_entry ADD COLUMN customer_email TEXT;
