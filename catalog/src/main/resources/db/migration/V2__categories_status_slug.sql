-- Category tree, product lifecycle (draft / active / archived), slugs and category assignment.

CREATE TABLE category (
    id         UUID PRIMARY KEY,
    parent_id  UUID REFERENCES category (id),
    slug       VARCHAR(120) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX category_parent ON category (parent_id);

ALTER TABLE product
    ADD COLUMN slug        VARCHAR(160),
    ADD COLUMN status      VARCHAR(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    ADD COLUMN category_id UUID REFERENCES category (id);

-- Products created before slugs existed get one from their id, which is unique.
UPDATE product SET slug = 'product-' || id::text WHERE slug IS NULL;
ALTER TABLE product
    ALTER COLUMN slug SET NOT NULL,
    ADD CONSTRAINT product_slug_unique UNIQUE (slug),
    ADD CONSTRAINT product_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE product ALTER COLUMN status DROP DEFAULT;

CREATE INDEX product_category ON product (category_id);
-- The public list shows active products only, newest first.
CREATE INDEX product_active_created_at_id ON product (created_at DESC, id DESC) WHERE status = 'ACTIVE';
