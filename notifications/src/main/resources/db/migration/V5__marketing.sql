-- Marketing (issue 14): what each user agreed to receive, the category each delivery was sent under, and which
-- customers ordered when (for broadcasts to customers with orders in a period).

-- A user's choice per category and channel. Only categories a user may switch are stored (transactional messages
-- are always sent); a choice not stored is the category's default (marketing: off). Forgotten on user.deleted.
CREATE TABLE preference (
    user_id    text        NOT NULL,
    category   text        NOT NULL CHECK (category IN ('marketing')),
    channel    text        NOT NULL,
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, category, channel)
);

CREATE INDEX preference_opted_in ON preference (category, channel, user_id) WHERE enabled;

-- Every delivery made so far is transactional; marketing mail carries the List-Unsubscribe headers.
ALTER TABLE delivery ADD COLUMN category text NOT NULL DEFAULT 'transactional'
    CHECK (category IN ('transactional', 'marketing'));

-- The orders customers placed (order.lifecycle created), by when: forgotten on user.deleted.
CREATE TABLE customer_order (
    order_id    text        PRIMARY KEY,
    customer_id text        NOT NULL,
    ordered_at  timestamptz NOT NULL
);

CREATE INDEX customer_order_by_time ON customer_order (ordered_at, customer_id);
CREATE INDEX customer_order_by_customer ON customer_order (customer_id);

-- Marketing messages admins schedule to a segment. Their deliveries share the event id 'broadcast:<id>', so each
-- recipient's is unique whatever runs again; recipients are taken in user id order, the cursor the last one queued.
CREATE TABLE broadcast (
    id             uuid        PRIMARY KEY,
    seq            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    segment        text        NOT NULL CHECK (segment IN ('all-customers', 'ordered-between', 'marketing-opt-ins')),
    ordered_from   timestamptz,
    ordered_until  timestamptz,
    channel        text        NOT NULL,
    send_at        timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'cancelled')),
    cursor_user_id text        NOT NULL DEFAULT '',
    all_queued     boolean     NOT NULL DEFAULT false,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    cancelled_by   text,
    cancelled_at   timestamptz,
    CHECK ((segment = 'ordered-between') = (ordered_from IS NOT NULL AND ordered_until IS NOT NULL)),
    CHECK (ordered_from IS NULL OR ordered_from < ordered_until)
);

CREATE INDEX broadcast_due ON broadcast (send_at, seq) WHERE status IN ('scheduled', 'sending');

-- A broadcast's content: the default (position 0) and its translations, Mustache like the templates.
CREATE TABLE broadcast_content (
    broadcast_id uuid    NOT NULL REFERENCES broadcast (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 0),
    locale       text    NOT NULL,
    subject      text    NOT NULL,
    text_body    text    NOT NULL,
    html_body    text,
    PRIMARY KEY (broadcast_id, locale),
    UNIQUE (broadcast_id, position)
);

-- When the next batch of any broadcast may be queued: one row, locked by the replica queuing, so the rate holds for
-- all broadcasts and replicas together.
CREATE TABLE broadcast_pace (
    id            boolean     PRIMARY KEY DEFAULT true CHECK (id),
    next_batch_at timestamptz NOT NULL
);

INSERT INTO broadcast_pace (next_batch_at) VALUES ('-infinity');
