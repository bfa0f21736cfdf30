package dev.shopstream.catalog.search;

import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.money.Money;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public product page, the catalogue's most frequent read: the active product with its prices and its active
 * SKUs' availability in one query (prices and SKUs aggregated into arrays) rather than an entity load plus two more.
 */
@ApplicationScoped
public class ProductPages {

    private static final String QUERY = """
            SELECT p.slug, p.name, p.description, p.category_id, p.attributes, p.image_urls, p.updated_at, p.version,
                   ARRAY(SELECT pp.currency FROM product_price pp WHERE pp.product_id = p.id ORDER BY pp.currency),
                   ARRAY(SELECT pp.amount_minor FROM product_price pp WHERE pp.product_id = p.id ORDER BY pp.currency),
                   ARRAY(SELECT k.code FROM sku k WHERE k.product_id = p.id AND k.status = 'ACTIVE' ORDER BY k.code),
                   ARRAY(SELECT k.attributes::text FROM sku k
                          WHERE k.product_id = p.id AND k.status = 'ACTIVE' ORDER BY k.code),
                   ARRAY(SELECT s.on_hand - s.reserved FROM sku k JOIN stock s ON s.sku_id = k.id
                          WHERE k.product_id = p.id AND k.status = 'ACTIVE' ORDER BY k.code)
              FROM product p
             WHERE p.id = ? AND p.status = 'ACTIVE'""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /** A product page: what shoppers see of an active product. */
    public record Page(UUID id, String slug, String name, String description, UUID categoryId,
                       Map<String, String> attributes, List<String> imageUrls, List<Money> prices, List<Sku> skus,
                       OffsetDateTime updatedAt, long version) {

        public Optional<Money> priceIn(String currency) {
            return prices.stream().filter(price -> price.currency().equals(currency)).findFirst();
        }
    }

    /** An active SKU and how many can be bought now. */
    public record Sku(String code, Map<String, String> attributes, int available) {
    }

    /** The page of an active product; empty for unknown, draft and archived products. */
    public Optional<Page> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String[] currencies = strings(row.getArray(9));
                Long[] amounts = (Long[]) row.getArray(10).getArray();
                List<Money> prices = new ArrayList<>();
                for (int i = 0; i < currencies.length; i++) {
                    prices.add(Money.of(amounts[i], currencies[i]));
                }
                String[] codes = strings(row.getArray(11));
                String[] attributes = strings(row.getArray(12));
                Integer[] available = (Integer[]) row.getArray(13).getArray();
                List<Sku> skus = new ArrayList<>();
                for (int i = 0; i < codes.length; i++) {
                    skus.add(new Sku(codes[i], JsonColumns.stringMap(attributes[i]), available[i]));
                }
                return Optional.of(new Page(id, row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, UUID.class), JsonColumns.stringMap(row.getString(5)),
                        JsonColumns.stringList(row.getString(6)), prices, skus,
                        row.getObject(7, OffsetDateTime.class), row.getLong(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the page of product " + id, e);
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
