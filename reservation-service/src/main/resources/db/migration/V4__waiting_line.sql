-- Who is in a show's waiting line (entries of waiting-service). Redis has the live copy the seat scripts read;
-- this one rebuilds it when Redis lost the show, so seats freed after that are still kept for the line.
CREATE TABLE waiting_line_entry
(
    show_id  UUID        NOT NULL,
    entry_id UUID        NOT NULL,
    entered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (show_id, entry_id)
);
