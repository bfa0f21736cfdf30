-- Every committed change to what a public product page shows (the product, its prices, its SKUs and their stock)
-- is announced on the channel catalog_product_changed with the product id as payload. Each catalog replica LISTENs
-- and drops its cached pages of that product (ProductPageCache). PostgreSQL delivers notifications only after the
-- commit and folds identical ones within a transaction, so a reservation of three SKUs of one product sends one.
CREATE FUNCTION notify_product_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed RECORD := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    product UUID;
BEGIN
    IF TG_TABLE_NAME = 'product' THEN
        product := changed.id;
    ELSIF TG_TABLE_NAME = 'stock' THEN
        product := (SELECT product_id FROM sku WHERE id = changed.sku_id);
    ELSE
        product := changed.product_id;
    END IF;
    IF product IS NOT NULL THEN
        PERFORM pg_notify('catalog_product_changed', product::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER product_changed AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH ROW EXECUTE FUNCTION notify_product_changed();
CREATE TRIGGER product_price_changed AFTER INSERT OR UPDATE OR DELETE ON product_price
    FOR EACH ROW EXECUTE FUNCTION notify_product_changed();
CREATE TRIGGER sku_changed AFTER INSERT OR UPDATE OR DELETE ON sku
    FOR EACH ROW EXECUTE FUNCTION notify_product_changed();
-- Only what the page shows: the quantity available (a threshold change alone is invisible to shoppers).
CREATE TRIGGER stock_changed AFTER INSERT OR DELETE ON stock
    FOR EACH ROW EXECUTE FUNCTION notify_product_changed();
CREATE TRIGGER stock_available_changed AFTER UPDATE ON stock
    FOR EACH ROW WHEN (OLD.on_hand - OLD.reserved IS DISTINCT FROM NEW.on_hand - NEW.reserved)
    EXECUTE FUNCTION notify_product_changed();
