CREATE TABLE product (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    description  VARCHAR(4000) NOT NULL DEFAULT '',
    price_minor  BIGINT        NOT NULL CHECK (price_minor >= 0),
    currency     CHAR(3)       NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);

-- Keyset paging of the public list, newest first.
CREATE INDEX product_created_at_id ON product (created_at DESC, id DESC);
