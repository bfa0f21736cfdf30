-- Archived categories leave the public tree; SKUs get an optimistic-lock version for If-Match updates.
ALTER TABLE category ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE sku ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
