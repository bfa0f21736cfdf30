package dev.shopstream.catalog.transfer;

import dev.shopstream.commons.db.JsonColumns;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVPrinter;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes every draft and active product with its active SKUs in the import format, oldest product first. */
@ApplicationScoped
public class ProductExport {

    private static final String QUERY = """
            SELECT p.slug, p.name, p.description, c.slug, p.status,
                   (SELECT string_agg(pp.currency || ':' || pp.amount_minor, '|' ORDER BY pp.currency)
                      FROM product_price pp WHERE pp.product_id = p.id),
                   p.attributes, p.image_urls, k.code, k.attributes, s.on_hand, s.low_stock_threshold
              FROM product p
              LEFT JOIN category c ON c.id = p.category_id
              LEFT JOIN sku k ON k.product_id = p.id AND k.status = 'ACTIVE'
              LEFT JOIN stock s ON s.sku_id = k.id
             WHERE p.status <> 'ARCHIVED'
             ORDER BY p.created_at, p.id, k.code""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    public void exportCsv(Writer out) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(QUERY);
             ResultSet rows = select.executeQuery();
             CSVPrinter csv = new CSVPrinter(out, ProductCsv.FORMAT)) {
            while (rows.next()) {
                boolean hasSku = rows.getString(9) != null;
                csv.printRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6),
                        ProductCsv.attributes(JsonColumns.stringMap(rows.getString(7))),
                        ProductCsv.list(JsonColumns.stringList(rows.getString(8))), rows.getString(9),
                        hasSku ? ProductCsv.attributes(JsonColumns.stringMap(rows.getString(10))) : null,
                        hasSku ? rows.getInt(11) : null, hasSku ? rows.getInt(12) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Product export failed", e);
        }
    }
}
