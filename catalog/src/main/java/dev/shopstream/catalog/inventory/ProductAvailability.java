package dev.shopstream.catalog.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps {@code product.in_stock} (whether any active SKU of the product has stock available) in step with the
 * stock. Triggers queue a product whenever one of its SKUs starts or stops having stock available (migration V8);
 * {@link #settle()} takes queued products and sets their flag from the stock as it is now.
 */
@ApplicationScoped
public class ProductAvailability {

    private static final int BATCH = 500;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /**
     * Settles up to {@value #BATCH} queued changes, each replica its own share; returns how many it took. The
     * products are locked in id order before their stock is read, so concurrent settlements neither deadlock nor
     * leave a flag from an older reading: whoever locks second reads the stock after the first one committed.
     */
    @Transactional
    public int settle() {
        try (Connection connection = dataSource.getConnection()) {
            List<UUID> claimed = claim(connection);
            if (claimed.isEmpty()) {
                return 0;
            }
            Array ids = connection.createArrayOf("uuid", claimed.stream().distinct().toArray());
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM product WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE")) {
                lock.setArray(1, ids);
                lock.executeQuery().close();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE product p SET in_stock = latest.in_stock
                      FROM (SELECT q.id, EXISTS (SELECT 1 FROM sku k JOIN stock s ON s.sku_id = k.id
                                                  WHERE k.product_id = q.id AND k.status = 'ACTIVE'
                                                    AND s.on_hand > s.reserved) AS in_stock
                              FROM unnest(CAST(? AS uuid[])) AS q(id)) latest
                     WHERE p.id = latest.id AND p.in_stock IS DISTINCT FROM latest.in_stock""")) {
                update.setArray(1, ids);
                update.executeUpdate();
            }
            return claimed.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle product availability", e);
        }
    }

    private static List<UUID> claim(Connection connection) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("""
                DELETE FROM product_availability_change
                 WHERE id IN (SELECT id FROM product_availability_change ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING product_id""")) {
            claim.setInt(1, BATCH);
            List<UUID> products = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    products.add(rows.getObject(1, UUID.class));
                }
            }
            return products;
        }
    }
}
