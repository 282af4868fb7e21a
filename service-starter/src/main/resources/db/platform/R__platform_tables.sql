-- Tables of the shared runtime (service-starter), present in every service database.

-- Outbox: Spring Modulith event publication registry (schema v2 for PostgreSQL).
CREATE TABLE IF NOT EXISTS event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Inbox: which consumer has already applied which event.
CREATE TABLE IF NOT EXISTS processed_event
(
    consumer     TEXT                     NOT NULL,
    event_id     UUID                     NOT NULL,
    event_type   TEXT                     NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
-- the inbox forgets applied events after a retention period (InboxPruner)
CREATE INDEX IF NOT EXISTS processed_event_processed_at_idx ON processed_event (processed_at);

-- Dead letters: events a consumer of this service could never apply (unreadable, or breaking their contract), as
-- they arrived, with why; also on the service's dead-letter topic. NEW until an operator replays or discards them.
CREATE TABLE IF NOT EXISTS dead_letter
(
    id             UUID                     NOT NULL PRIMARY KEY,
    consumer_group TEXT                     NOT NULL,
    topic          TEXT                     NOT NULL,
    partition_no   INT                      NOT NULL,
    record_offset  BIGINT                   NOT NULL,
    record_key     TEXT,
    event_type     TEXT,
    event_id       TEXT,
    payload        TEXT,
    headers        JSONB                    NOT NULL,
    reason         TEXT                     NOT NULL,
    status         TEXT                     NOT NULL CHECK (status IN ('NEW', 'REPLAYED', 'DISCARDED')),
    dead_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at    TIMESTAMP WITH TIME ZONE,
    UNIQUE (consumer_group, topic, partition_no, record_offset)
);
CREATE INDEX IF NOT EXISTS dead_letter_status_idx ON dead_letter (status, dead_at);

-- Job leases: which instance does a scheduled job that every instance schedules (JobLeases), until when by the
-- database's clock. A row per job, renewed by its holder while it runs; a dead holder's lease runs out.
CREATE TABLE IF NOT EXISTS job_lease
(
    job        TEXT                     NOT NULL PRIMARY KEY,
    holder     TEXT                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
