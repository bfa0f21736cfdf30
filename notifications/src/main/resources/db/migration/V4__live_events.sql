-- What the signed-in user's live stream (GET /api/notifications/stream) shows: their orders' status changes and
-- their new in-app messages, in the order they were committed (seq is the SSE event id a client resumes after with
-- Last-Event-ID). Written in the consumer's transaction under a per-user lock, so for one user seq never commits out
-- of order; each commit notifies channel live_events with the user id, which wakes that user's streams on every
-- replica. Kept for shopstream.notifications.live.retention.
CREATE TABLE live_event (
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    text        NOT NULL,
    event_id   text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('order-status', 'message')),
    data       text        NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (event_id, kind, user_id)
);

CREATE INDEX live_event_by_user ON live_event (user_id, seq);
CREATE INDEX live_event_by_age ON live_event (created_at);

-- The streams open on any replica, so the cap per user holds across replicas. A replica refreshes its streams'
-- leases with each heartbeat; the lease of a replica that died runs out.
CREATE TABLE live_connection (
    id          uuid        PRIMARY KEY,
    user_id     text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX live_connection_by_user ON live_connection (user_id);
