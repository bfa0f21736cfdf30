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
