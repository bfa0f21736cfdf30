-- Whether a product has an active SKU with stock available, kept on the product so listings and search filter and
-- show it without looking at every SKU of every match. Stock and SKU changes only queue the product here (an
-- insert, no lock on the product row, so concurrent reservations cannot deadlock on it); ProductAvailability
-- settles the queue right after every write the service answers, and on a schedule for everything else.
ALTER TABLE product ADD COLUMN in_stock BOOLEAN NOT NULL DEFAULT false;

UPDATE product p SET in_stock = EXISTS (
    SELECT 1 FROM sku k JOIN stock s ON s.sku_id = k.id
     WHERE k.product_id = p.id AND k.status = 'ACTIVE' AND s.on_hand > s.reserved);

CREATE TABLE product_availability_change (
    id         BIGSERIAL PRIMARY KEY,
    product_id UUID NOT NULL
);

CREATE FUNCTION queue_product_availability_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed RECORD := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    product UUID;
BEGIN
    IF TG_TABLE_NAME = 'stock' THEN
        product := (SELECT product_id FROM sku WHERE id = changed.sku_id);
    ELSE
        product := changed.product_id;
    END IF;
    IF product IS NOT NULL THEN
        INSERT INTO product_availability_change (product_id) VALUES (product);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER stock_availability_changed AFTER INSERT OR DELETE ON stock
    FOR EACH ROW EXECUTE FUNCTION queue_product_availability_change();
-- Only when the SKU starts or stops having stock available: a reservation that leaves some changes nothing here.
CREATE TRIGGER stock_availability_flipped AFTER UPDATE ON stock
    FOR EACH ROW WHEN ((OLD.on_hand > OLD.reserved) IS DISTINCT FROM (NEW.on_hand > NEW.reserved))
    EXECUTE FUNCTION queue_product_availability_change();
CREATE TRIGGER sku_availability_changed AFTER INSERT OR DELETE OR UPDATE OF status ON sku
    FOR EACH ROW EXECUTE FUNCTION queue_product_availability_change();
