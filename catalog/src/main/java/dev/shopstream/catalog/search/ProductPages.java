package dev.shopstream.catalog.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The public product page, the catalogue's most frequent read: the active product with its prices and its active
 * SKUs' availability, rendered as JSON by PostgreSQL in one query, so a page costs one round trip and no object
 * mapping. The JSON has the shape documented by {@link dev.shopstream.catalog.api.PublicProductView} (keys in the
 * same order, absent values left out, times in UTC as JSON-B writes them); the catalogue ITs compare the two.
 */
@ApplicationScoped
public class ProductPages {

    private static final String QUERY = """
            SELECT p.version,
                   (CAST(? AS text) IS NULL OR EXISTS (SELECT 1 FROM product_price pp WHERE pp.product_id = p.id AND pp.currency = ?)),
                   json_strip_nulls(json_build_object(
                     'attributes', p.attributes,
                     'categoryId', p.category_id,
                     'description', p.description,
                     'id', p.id,
                     'imageUrls', p.image_urls,
                     'name', p.name,
                     'price', (SELECT json_build_object('amountMinor', pp.amount_minor, 'currency', pp.currency)
                                 FROM product_price pp WHERE pp.product_id = p.id AND pp.currency = ?),
                     'prices', (SELECT coalesce(json_agg(json_build_object('amountMinor', pp.amount_minor,
                                                                           'currency', pp.currency)
                                                         ORDER BY pp.currency), '[]')
                                  FROM product_price pp WHERE pp.product_id = p.id),
                     'skus', (SELECT coalesce(json_agg(json_build_object('attributes', k.attributes,
                                                                         'available', s.on_hand - s.reserved,
                                                                         'code', k.code,
                                                                         'inStock', s.on_hand > s.reserved)
                                                       ORDER BY k.code), '[]')
                                FROM sku k JOIN stock s ON s.sku_id = k.id
                               WHERE k.product_id = p.id AND k.status = 'ACTIVE'),
                     'slug', p.slug,
                     'updatedAt', regexp_replace(to_char(p.updated_at AT TIME ZONE 'UTC',
                                                         'YYYY-MM-DD"T"HH24:MI:SS.US'), '\\.?0+$', '') || 'Z'
                   ))::text
              FROM product p
             WHERE p.id = ? AND p.status = 'ACTIVE'""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /**
     * A product page as JSON, with the product's version and whether it has a price in the currency asked for
     * (always true when none was asked for).
     */
    public record Page(String json, long version, boolean pricedInCurrency) {
    }

    /**
     * The page of an active product, with {@code price} in {@code currency} when it is not null and the product has
     * a price in it; empty for unknown, draft and archived products.
     */
    public Optional<Page> find(UUID id, String currency) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setString(1, currency);
            select.setString(2, currency);
            select.setString(3, currency);
            select.setObject(4, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Page(row.getString(3), row.getLong(1), row.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the page of product " + id, e);
        }
    }
}
