-- Who changed what, when: one row per staff mutation, written in the mutation's transaction.
CREATE TABLE audit_record (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor          TEXT        NOT NULL,
    actor_subject  TEXT,
    action         TEXT        NOT NULL,
    entity_type    TEXT        NOT NULL,
    entity_id      TEXT        NOT NULL,
    changes        JSONB       NOT NULL,
    correlation_id TEXT
);
CREATE INDEX audit_record_entity ON audit_record (entity_type, entity_id, id DESC);
CREATE INDEX audit_record_occurred_at ON audit_record (occurred_at DESC, id DESC);
