-- The statuses an entry can have, as the service's types name them (Entry.Status, Entries.LineState): a value no
-- type knows is refused by the database rather than read back as an error. StatusChecksIntegrationTest keeps these
-- lists equal to the types.
ALTER TABLE waitlist_entry
    ADD CONSTRAINT waitlist_entry_status_check
        CHECK (status IN ('WAITING', 'OFFERED', 'EXPIRED', 'CANCELLED', 'UNSERVABLE')),
    ADD CONSTRAINT waitlist_entry_line_state_check CHECK (line_state IN ('ENTERING', 'ENTERED', 'LEAVING', 'LEFT'));
