-- Variants (SKUs) of a product, the stock of each, and the reservations orders hold against it.

CREATE TABLE sku (
    id         UUID PRIMARY KEY,
    product_id UUID        NOT NULL REFERENCES product (id),
    code       VARCHAR(64) NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sku_product ON sku (product_id);

-- available = on_hand - reserved, never negative: the constraints make overselling impossible even for a buggy caller.
CREATE TABLE stock (
    sku_id              UUID PRIMARY KEY REFERENCES sku (id),
    on_hand             INTEGER     NOT NULL CHECK (on_hand >= 0),
    reserved            INTEGER     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_threshold INTEGER     NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (reserved <= on_hand)
);

CREATE TABLE reservation (
    id         UUID PRIMARY KEY,
    order_id   VARCHAR(100) NOT NULL UNIQUE,
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at TIMESTAMPTZ  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX reservation_expiry ON reservation (expires_at) WHERE status = 'RESERVED';

CREATE TABLE reservation_line (
    reservation_id UUID    NOT NULL REFERENCES reservation (id),
    sku_id         UUID    NOT NULL REFERENCES sku (id),
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, sku_id)
);
