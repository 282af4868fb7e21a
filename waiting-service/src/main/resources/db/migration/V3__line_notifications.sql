-- Every change of an entry's status is announced on a channel with the show's id, so that long polls and streams
-- of that show's entries (on any instance) read their entry again at once instead of polling the table.
CREATE FUNCTION waitlist_entry_changed() RETURNS trigger AS
$$
BEGIN
    PERFORM pg_notify('waitlist_entry_changed', NEW.show_id::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER waitlist_entry_changed
    AFTER INSERT OR UPDATE OF status ON waitlist_entry
    FOR EACH ROW EXECUTE FUNCTION waitlist_entry_changed();
