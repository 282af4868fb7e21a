-- Tickets at the door: a ticket is admitted once; a second scan is told when and where the first one was.
CREATE TABLE ticket_admission
(
    ticket_id   UUID PRIMARY KEY REFERENCES ticket (ticket_id),
    admitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    gate        TEXT                     NOT NULL
);
