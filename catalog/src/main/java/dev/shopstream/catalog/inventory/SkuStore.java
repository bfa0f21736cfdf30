package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.db.UniqueViolation;
import dev.shopstream.commons.domain.StateConflictException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The SKU and stock tables, in SQL (JDBC, as docs/architecture.md says for rows whose changes are single guarded
 * statements). The {@code locked} reads hold the row until the transaction ends.
 */
@ApplicationScoped
public class SkuStore {

    private static final String SELECT_SKU = """
            SELECT k.product_id, k.attributes, k.status, k.version, s.on_hand, s.reserved, s.low_stock_threshold
              FROM sku k JOIN stock s ON s.sku_id = k.id WHERE k.code = ?""";

    private static final String SELECT_STOCK = """
            SELECT s.on_hand, s.reserved, s.low_stock_threshold FROM stock s JOIN sku k ON k.id = s.sku_id
             WHERE k.code = ?""";

    /** The first key of the advisory lock on a product's SKU list ("SKU" in ASCII); the second is the product's. */
    private static final int SKU_LIST_LOCK = 0x534B55;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    public boolean productExists(UUID productId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM product WHERE id = ?")) {
            select.setObject(1, productId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read product " + productId, e);
        }
    }

    /**
     * How many active SKUs a product has, counted under a lock on the product's SKU list that is held until the
     * transaction ends, so that SKUs added to one product concurrently are counted one after the other.
     */
    public int lockedActiveSkuCount(UUID productId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement(
                     "SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM sku WHERE product_id = ? AND status = 'ACTIVE'")) {
            lock.setInt(1, SKU_LIST_LOCK);
            lock.setString(2, productId.toString());
            lock.executeQuery().close();
            count.setObject(1, productId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the SKUs of product " + productId, e);
        }
    }

    /** Adds a SKU with its stock row; a code already used is a conflict. */
    public void insert(UUID productId, String code, int onHand, int lowStockThreshold, Map<String, String> attributes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sku = connection.prepareStatement("""
                     INSERT INTO sku (id, product_id, code, attributes, created_at) VALUES (?, ?, ?, ?, now())""");
             PreparedStatement stock = connection.prepareStatement("""
                     INSERT INTO stock (sku_id, on_hand, low_stock_threshold, updated_at) VALUES (?, ?, ?, now())""")) {
            UUID skuId = UUID.randomUUID();
            sku.setObject(1, skuId);
            sku.setObject(2, productId);
            sku.setString(3, code);
            sku.setString(4, JsonColumns.toJson(attributes));
            sku.executeUpdate();
            stock.setObject(1, skuId);
            stock.setInt(2, onHand);
            stock.setInt(3, lowStockThreshold);
            stock.executeUpdate();
        } catch (SQLException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new StateConflictException("SKU code '" + code + "' is already used.");
            }
            throw new IllegalStateException("Could not add SKU " + code, e);
        }
    }

    public Optional<SkuDetails> find(String code) {
        return sku(code, SELECT_SKU);
    }

    public Optional<SkuDetails> locked(String code) {
        return sku(code, SELECT_SKU + " FOR UPDATE");
    }

    private Optional<SkuDetails> sku(String code, String query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SkuDetails(code, row.getObject(1, UUID.class),
                        JsonColumns.stringMap(row.getString(2)), row.getString(3).equals("ARCHIVED"),
                        new StockLevel(code, row.getInt(5), row.getInt(6), row.getInt(7)), row.getLong(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read SKU " + code, e);
        }
    }

    /** Replaces the variant attributes and the low-stock threshold, and counts a new version. */
    public void change(String code, Map<String, String> attributes, int lowStockThreshold) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sku = connection.prepareStatement(
                     "UPDATE sku SET attributes = CAST(? AS jsonb), version = version + 1 WHERE code = ?");
             PreparedStatement threshold = connection.prepareStatement(
                     "UPDATE stock SET low_stock_threshold = ? WHERE sku_id = (SELECT id FROM sku WHERE code = ?)")) {
            sku.setString(1, JsonColumns.toJson(attributes));
            sku.setString(2, code);
            sku.executeUpdate();
            threshold.setInt(1, lowStockThreshold);
            threshold.setString(2, code);
            threshold.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change SKU " + code, e);
        }
    }

    /** Archives an active SKU; returns whether it was active. */
    public boolean archive(String code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sku SET status = 'ARCHIVED', version = version + 1 WHERE code = ? AND status = 'ACTIVE'")) {
            update.setString(1, code);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not archive SKU " + code, e);
        }
    }

    public Optional<StockLevel> stock(String code) {
        return stock(code, SELECT_STOCK);
    }

    public Optional<StockLevel> lockedStock(String code) {
        return stock(code, SELECT_STOCK + " FOR UPDATE OF s");
    }

    private Optional<StockLevel> stock(String code, String query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StockLevel(code, row.getInt(1), row.getInt(2), row.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stock of " + code, e);
        }
    }

    public void setOnHand(String code, int onHand) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE stock SET on_hand = ?, updated_at = now()
                      WHERE sku_id = (SELECT id FROM sku WHERE code = ?)""")) {
            update.setInt(1, onHand);
            update.setString(2, code);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the stock of " + code, e);
        }
    }
}
