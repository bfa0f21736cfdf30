-- Full-text search: name weighs more than description; English stemming, prefix queries (lexeme:*) in the service.
ALTER TABLE product ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B')
) STORED;
CREATE INDEX product_search ON product USING GIN (search);
CREATE INDEX product_active_price ON product (currency, price_minor) WHERE status = 'ACTIVE';
