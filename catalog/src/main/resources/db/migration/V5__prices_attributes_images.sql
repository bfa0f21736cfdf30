-- Prices per currency, product attributes and images, SKU variant attributes and archiving.

CREATE TABLE product_price (
    product_id   UUID    NOT NULL REFERENCES product (id),
    currency     CHAR(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor BIGINT  NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (product_id, currency)
);
INSERT INTO product_price (product_id, currency, amount_minor) SELECT id, currency, price_minor FROM product;
-- Browsing by price in one currency.
CREATE INDEX product_price_currency_amount ON product_price (currency, amount_minor, product_id);

DROP INDEX product_active_price;
ALTER TABLE product
    DROP COLUMN price_minor,
    DROP COLUMN currency,
    ADD COLUMN attributes JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    ADD COLUMN image_urls JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(image_urls) = 'array');
-- Attribute filters (attributes @> '{"colour": "red"}').
CREATE INDEX product_attributes ON product USING GIN (attributes jsonb_path_ops);

-- The search vector now also covers attribute values, weighted below name and description.
DROP INDEX product_search;
ALTER TABLE product DROP COLUMN search;
ALTER TABLE product ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
    setweight(jsonb_to_tsvector('english', attributes, '["string"]'), 'C')
) STORED;
CREATE INDEX product_search ON product USING GIN (search);
-- Sorting the public list by name.
CREATE INDEX product_active_name_id ON product (name, id) WHERE status = 'ACTIVE';

ALTER TABLE sku
    ADD COLUMN attributes JSONB       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    ADD COLUMN status     VARCHAR(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED'));
