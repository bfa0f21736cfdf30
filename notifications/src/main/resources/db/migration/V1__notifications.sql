-- The people notifications writes to: learned from user.events (registered), forgotten on user.deleted.
CREATE TABLE recipient (
    user_id    text        PRIMARY KEY,
    email      text        NOT NULL,
    first_name text,
    locale     text,
    updated_at timestamptz NOT NULL
);

-- Templates per notice (e.g. order.confirmed), channel and locale. Every edit is a new version; the template points
-- at the version in use, so a bad edit is rolled back by pointing at an earlier one. Bodies are Mustache.
CREATE TABLE template_version (
    notice     text        NOT NULL,
    channel    text        NOT NULL CHECK (channel IN ('email', 'in-app')),
    locale     text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    subject    text        NOT NULL,
    text_body  text        NOT NULL,
    html_body  text,
    author     text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (notice, channel, locale, version)
);

CREATE TABLE template (
    notice          text        NOT NULL,
    channel         text        NOT NULL,
    locale          text        NOT NULL,
    current_version integer     NOT NULL,
    row_version     bigint      NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (notice, channel, locale),
    FOREIGN KEY (notice, channel, locale, current_version) REFERENCES template_version
);

-- One message to one recipient on one channel, from the event that caused it (at most one per event, notice,
-- channel and recipient, whatever replays happen), rendered when it was queued; the dispatcher sends it, retries it
-- with backoff and gives up after the configured attempts ('dead').
CREATE TABLE delivery (
    id               uuid        PRIMARY KEY,
    seq              bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id         text        NOT NULL,
    notice           text        NOT NULL,
    channel          text        NOT NULL,
    user_id          text,
    recipient        text        NOT NULL,
    locale           text        NOT NULL,
    template_version integer     NOT NULL,
    subject          text        NOT NULL,
    text_body        text        NOT NULL,
    html_body        text,
    status           text        NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    updated_at       timestamptz NOT NULL,
    UNIQUE (event_id, notice, channel, recipient)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('queued', 'failed');
CREATE INDEX delivery_by_user ON delivery (user_id, seq DESC);
CREATE INDEX delivery_by_status ON delivery (status, seq DESC);

-- Every attempt of a delivery, for the delivery log.
CREATE TABLE delivery_attempt (
    delivery_id uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('sent', 'failed')),
    error       text,
    at          timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Messages shown in the shop to one user, newest first; read once the user marked them.
CREATE TABLE in_app_message (
    id         uuid        PRIMARY KEY,
    seq        bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id    text        NOT NULL,
    event_id   text        NOT NULL,
    notice     text        NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    order_id   text,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    UNIQUE (event_id, notice, user_id)
);

CREATE INDEX in_app_message_by_user ON in_app_message (user_id, seq DESC);
