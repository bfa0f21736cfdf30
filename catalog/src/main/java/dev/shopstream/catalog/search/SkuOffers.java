package dev.shopstream.catalog.search;

import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.product.ProductInput;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a buyer would be offered for SKUs, by code, in one currency: whether the SKU and its product are on sale,
 * the product's price in that currency and the quantity available now. The orders service prices carts and
 * checkouts from it (it never takes a price from the client), in one query per cart.
 */
@ApplicationScoped
public class SkuOffers {

    /** The most SKUs one lookup takes. */
    public static final int MAX_SKUS = 100;

    private static final String QUERY = """
            SELECT k.code, p.id, p.name, k.status = 'ACTIVE' AND p.status = 'ACTIVE', pp.amount_minor,
                   s.on_hand - s.reserved
              FROM sku k
              JOIN product p ON p.id = k.product_id
              JOIN stock s ON s.sku_id = k.id
              LEFT JOIN product_price pp ON pp.product_id = p.id AND pp.currency = ?
             WHERE k.code = ANY (?)
             ORDER BY k.code""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /**
     * One SKU's offer: {@code onSale} is false for an archived SKU or a product that is not active (draft or
     * archived); {@code priceMinor} is null when the product has no price in the currency.
     */
    public record Offer(@Schema(maxLength = NewSku.CODE_MAX_LENGTH) String sku, UUID productId,
                        @Schema(maxLength = ProductInput.NAME_MAX_LENGTH) String productName, boolean onSale,
                        @Schema(description = "The price in minor units of currency; absent when the product has none "
                                + "in it") Long priceMinor,
                        @Schema(maxLength = 3, example = "EUR") String currency,
                        @Schema(description = "On hand less what reservations hold") int available) {
    }

    /** The offers of the SKUs that exist among {@code codes}, in code order; unknown codes are left out. */
    public List<Offer> find(Collection<String> codes, String currency) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(QUERY)) {
            Array skus = connection.createArrayOf("text", codes.toArray());
            select.setString(1, currency);
            select.setArray(2, skus);
            List<Offer> offers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    offers.add(new Offer(rows.getString(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getBoolean(4), rows.getObject(5, Long.class), currency, rows.getInt(6)));
                }
            }
            return offers;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offers of " + codes.size() + " SKUs", e);
        }
    }
}
