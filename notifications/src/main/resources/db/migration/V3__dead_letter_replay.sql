-- The last replay of each dead letter notifications' consumers wrote (the record itself stays in <topic>.dlq).
CREATE TABLE dead_letter_replay (
    topic         text        NOT NULL,
    partition_no  integer     NOT NULL,
    record_offset bigint      NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('applied', 'duplicate', 'ignored', 'failed')),
    detail        text,
    replayed_by   text        NOT NULL,
    replayed_at   timestamptz NOT NULL,
    PRIMARY KEY (topic, partition_no, record_offset)
);
