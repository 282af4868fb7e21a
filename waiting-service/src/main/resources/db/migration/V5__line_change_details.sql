-- A change now says which entry changed, its place in the line and its status before and after
-- ("show,entry,joined_seq,old,new"; old is empty for a new entry): a watcher learns that an entry ahead of it
-- left the line without reading the table, and reads its own entry only when there is something to answer.
CREATE OR REPLACE FUNCTION waitlist_entry_changed() RETURNS trigger AS
$$
BEGIN
    PERFORM pg_notify('waitlist_entry_changed', NEW.show_id || ',' || NEW.id || ',' || NEW.joined_seq || ','
        || CASE WHEN TG_OP = 'INSERT' THEN '' ELSE OLD.status END || ',' || NEW.status);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
