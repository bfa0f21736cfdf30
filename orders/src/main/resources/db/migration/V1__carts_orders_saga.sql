-- A customer's cart: one per customer (the token's subject), in one currency.
CREATE TABLE cart (
    customer_id text        PRIMARY KEY,
    currency    char(3)     NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE cart_item (
    customer_id text    NOT NULL REFERENCES cart (customer_id) ON DELETE CASCADE,
    sku         text    NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (customer_id, sku)
);

-- An order, priced at checkout. The saga_* columns are the orchestrator's: the step it runs next (null once the
-- saga has ended) and when, how often that step was tried, the lease of the replica driving it, the deadline of a
-- payment the customer must confirm, and, while it compensates, the steps still to run (comma-separated), the status
-- it ends in and why.
CREATE TABLE customer_order (
    id                   uuid        PRIMARY KEY,
    seq                  bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    customer_id          text        NOT NULL,
    status               text        NOT NULL,
    currency             char(3)     NOT NULL,
    subtotal_minor       bigint      NOT NULL CHECK (subtotal_minor >= 0),
    shipping_minor       bigint      NOT NULL CHECK (shipping_minor >= 0),
    tax_minor            bigint      NOT NULL CHECK (tax_minor >= 0),
    total_minor          bigint      NOT NULL CHECK (total_minor = subtotal_minor + shipping_minor + tax_minor),
    shipping_address     jsonb       NOT NULL,
    payment_method_token text        NOT NULL,
    payment_id           uuid,
    failure_reason       text,
    captured_minor       bigint      NOT NULL DEFAULT 0,
    refunded_minor       bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor <= captured_minor),
    carrier              text,
    tracking_number      text,
    saga_step            text,
    saga_due_at          timestamptz,
    saga_lease_until     timestamptz,
    saga_attempts        integer     NOT NULL DEFAULT 0,
    saga_deadline        timestamptz,
    saga_outcome         text,
    saga_reason          text,
    saga_then            text,
    version              bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX customer_order_by_customer ON customer_order (customer_id, seq DESC);
CREATE INDEX customer_order_by_status ON customer_order (status, seq DESC);
CREATE INDEX customer_order_saga_due ON customer_order (saga_due_at) WHERE saga_step IS NOT NULL;

CREATE TABLE order_line (
    order_id         uuid    NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no          integer NOT NULL,
    sku              text    NOT NULL,
    product_id       uuid    NOT NULL,
    product_name     text    NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint  NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- The saga's log: one row per attempt of a step, written when it starts and completed with its outcome, so that a
-- restarted server knows what was done and the order's timeline shows every attempt.
CREATE TABLE saga_step (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    step        text        NOT NULL,
    attempt     integer     NOT NULL,
    outcome     text,
    detail      text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz
);

CREATE INDEX saga_step_by_order ON saga_step (order_id, id);
